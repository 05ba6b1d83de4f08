package dev.meshprov.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    private static final List<String> KEYS = List.of("store", "s3", "filesystem", "allowedBuckets", "environments");

    @Test
    void aTruncatedOrMistypedNameFindsTheKnownOne() {
        assertThat(Spelling.closest("stor", KEYS)).contains("store");
        assertThat(Spelling.closest("enviroments", KEYS)).contains("environments");
        assertThat(Spelling.closest("ALLOWEDBUCKET", KEYS)).contains("allowedBuckets");
        assertThat(Spelling.closest("valdiate", List.of("validate", "plan", "provision")))
                .contains("validate");
    }

    @Test
    void aNameFarFromEveryKnownOneFindsNothing() {
        assertThat(Spelling.closest("frobnicate", List.of("validate", "plan", "provision", "serve")))
                .isEmpty();
        assertThat(Spelling.closest("x", KEYS)).isEmpty();
        assertThat(Spelling.closest("store", KEYS))
                .as("an exact name needs no suggestion")
                .isEmpty();
    }

    @Test
    void distanceCountsEdits() {
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Spelling.distance("", "abc")).isEqualTo(3);
        assertThat(Spelling.distance("prot", "port")).as("a swap is one edit").isEqualTo(1);
    }
}
