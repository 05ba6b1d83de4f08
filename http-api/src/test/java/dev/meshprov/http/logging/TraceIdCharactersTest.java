package dev.meshprov.http.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character test of a caller's id accepts exactly what the contract's pattern {@code [A-Za-z0-9._:-]{1,64}} does. */
class TraceIdCharactersTest {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Test
    void acceptsExactlyWhatThePatternAccepts() {
        List<String> values = new ArrayList<>(List.of("", "a", "x".repeat(64), "x".repeat(65), "a b", "é", "١٢", "ａ"));
        for (char c = 0; c < 0x180; c++) {
            values.add("id" + c);
        }
        for (String value : values) {
            assertThat(TraceId.isSafe(value))
                    .as("'%s'", value)
                    .isEqualTo(SAFE.matcher(value).matches());
        }
    }
}
