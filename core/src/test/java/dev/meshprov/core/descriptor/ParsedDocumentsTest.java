package dev.meshprov.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ParsedDocumentsTest {

    private static ObjectNode tree(String name) {
        return JsonNodeFactory.instance.objectNode().put("name", name);
    }

    @Test
    void answersAKeptTextWithAnEqualTree() {
        ParsedDocuments documents = new ParsedDocuments(4, 1_000);
        documents.keep("name: a", tree("a"));

        assertThat(documents.find("name: a")).contains(tree("a"));
        assertThat(documents.find("name: b")).isEmpty();
    }

    @Test
    void neverHandsOutTheTreeItHolds() {
        ParsedDocuments documents = new ParsedDocuments(4, 1_000);
        ObjectNode parsed = tree("a");

        JsonNode forFirstCaller = documents.keep("name: a", parsed);
        ((ObjectNode) forFirstCaller).put("name", "changed by the first caller");
        ((ObjectNode) documents.find("name: a").orElseThrow()).put("name", "changed by the second caller");

        assertThat(forFirstCaller).isNotSameAs(parsed);
        assertThat(documents.find("name: a")).contains(tree("a"));
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondTheEntryBound() {
        ParsedDocuments documents = new ParsedDocuments(2, 1_000);
        documents.keep("name: a", tree("a"));
        documents.keep("name: b", tree("b"));
        documents.find("name: a");
        documents.keep("name: c", tree("c"));

        assertThat(documents.size()).isEqualTo(2);
        assertThat(documents.find("name: b")).as("least recently used").isEmpty();
        assertThat(documents.find("name: a")).contains(tree("a"));
        assertThat(documents.find("name: c")).contains(tree("c"));
    }

    @Test
    void dropsTheOldestBeyondTheCharacterBound() {
        ParsedDocuments documents = new ParsedDocuments(100, 32);
        documents.keep("name: a", tree("a"));
        documents.keep("name: b", tree("b"));
        documents.keep("name: cc", tree("cc"));
        documents.keep("name: dd", tree("dd"));
        documents.keep("name: ee", tree("ee"));

        assertThat(documents.find("name: a"))
                .as("7 + 7 + 8 + 8 + 8 characters exceed 32")
                .isEmpty();
        assertThat(documents.find("name: b")).contains(tree("b"));
        assertThat(documents.find("name: ee")).contains(tree("ee"));
        assertThat(documents.size()).isEqualTo(4);
    }

    @Test
    void neverHoldsATextLongerThanAQuarterOfItsCharacterBound() {
        ParsedDocuments documents = new ParsedDocuments(100, 20);

        JsonNode copy = documents.keep("name: too long for it", tree("too long for it"));

        assertThat(copy).isEqualTo(tree("too long for it"));
        assertThat(documents.size()).isZero();
    }

    @Test
    void keepingTheSameTextTwiceCountsItOnce() {
        ParsedDocuments documents = new ParsedDocuments(100, 28);
        documents.keep("name: a", tree("a"));
        documents.keep("name: a", tree("a"));
        documents.keep("name: b", tree("b"));
        documents.keep("name: c", tree("c"));
        documents.keep("name: d", tree("d"));

        assertThat(documents.size()).as("4 texts of 7 characters fit 28").isEqualTo(4);
    }

    @Test
    void refusesEmptyBounds() {
        assertThatThrownBy(() -> new ParsedDocuments(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParsedDocuments(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
