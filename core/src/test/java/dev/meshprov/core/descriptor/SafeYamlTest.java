package dev.meshprov.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Problem;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;

class SafeYamlTest {

    private final SafeYaml yaml = SafeYaml.withDefaults();

    private JsonNode parse(String text) {
        Validation<Seq<Problem>, JsonNode> parsed = yaml.parse(text, "descriptor");
        assertThat(parsed.isValid())
                .as("problems: %s", parsed.isInvalid() ? parsed.getError() : "")
                .isTrue();
        return parsed.get();
    }

    @Test
    void expandsAliasesIntoCopiesInsteadOfReadingThemAsStrings() {
        JsonNode tree = parse("base: &b {cores: 2, memory: 4g}\njob: *b\n");

        assertThat(tree.path("job").path("cores").intValue()).isEqualTo(2);
        assertThat(tree.path("job").path("memory").asText()).isEqualTo("4g");
    }

    @Test
    void appliesMergeKeysWithOwnKeysWinning() {
        JsonNode tree = parse("defaults: &d {cores: 1, memory: 1g}\njob:\n  <<: *d\n  cores: 4\n");

        assertThat(tree.path("job").path("cores").intValue()).isEqualTo(4);
        assertThat(tree.path("job").path("memory").asText()).isEqualTo("1g");
    }

    @Test
    void resolvesScalarsLikeJson() {
        JsonNode tree = parse(
                """
                flagTrue: true
                flagYes: yes
                country: NO
                count: 42
                big: 12345678901234567890
                ratio: 0.25
                octalLooking: 0755
                empty:
                tilde: ~
                start: 2024-01-01T00:00:00Z
                day: 2024-01-01
                quotedNumber: "42"
                """);

        assertThat(tree.path("flagTrue").isBoolean()).isTrue();
        assertThat(tree.path("flagYes").asText()).isEqualTo("yes");
        assertThat(tree.path("country").asText()).isEqualTo("NO");
        assertThat(tree.path("count").intValue()).isEqualTo(42);
        assertThat(tree.path("big").bigIntegerValue()).hasToString("12345678901234567890");
        assertThat(tree.path("ratio").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(tree.path("octalLooking").intValue()).isEqualTo(755);
        assertThat(tree.path("empty").isNull()).isTrue();
        assertThat(tree.path("tilde").isNull()).isTrue();
        assertThat(tree.path("start").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(tree.path("day").isTextual()).isTrue();
        assertThat(tree.path("quotedNumber").isTextual()).isTrue();
    }

    @Test
    void readsJsonToo() {
        JsonNode tree = parse("{\"dataProduct\": {\"id\": \"x\", \"components\": []}}");

        assertThat(tree.path("dataProduct").path("id").asText()).isEqualTo("x");
    }

    @Test
    void anEmptyDocumentIsMissing() {
        assertThat(parse("# only a comment\n").isMissingNode()).isTrue();
    }

    @Test
    void refusesSeveralDocuments() {
        assertThat(yaml.parse("a: 1\n---\nb: 2\n", "descriptor").isInvalid()).isTrue();
    }

    @Test
    void refusesInfinityAndNaN() {
        assertThat(yaml.parse("x: .inf\n", "descriptor").getError().head().message())
                .contains("NaN");
    }

    @Test
    void refusesDocumentsLargerThanTheLimit() {
        SafeYaml small = new SafeYaml(new YamlLimits(100, 10, 10, 100));

        Problem problem =
                small.parse("x: " + "a".repeat(200), "descriptor").getError().head();

        assertThat(problem.message()).contains("the limit is 100");
    }

    @Test
    void refusesDocumentsThatExpandBeyondTheNodeLimit() {
        SafeYaml small = new SafeYaml(new YamlLimits(10_000, 10, 10, 50));
        String doc = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a]\n";

        assertThat(small.parse(doc, "descriptor").getError().head().message()).contains("more than 50 values");
    }

    @Test
    void neverQuotesTheDocumentInMessages() {
        String secret = "s3cr3t-Passw0rd";
        String doc = "password: " + secret + "\nbroken: [\n";

        Problem problem = yaml.parse(doc, "descriptor").getError().head();

        assertThat(problem.message()).doesNotContain(secret).contains("line");
    }

    @Test
    void aCachedParserAnswersTheSameTextWithAnEqualTreeThatIsTheCallersOwn() {
        SafeYaml cached = SafeYaml.cached(YamlLimits.defaults());
        String text = "dataProduct:\n  name: cashflow\n  components: [{id: a}, {id: b}]\n";

        JsonNode first = cached.parse(text, "descriptor").get();
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.path("dataProduct")).put("name", "changed");
        JsonNode second = cached.parse(text, "descriptor").get();

        assertThat(second).isEqualTo(parse(text)).isNotSameAs(first);
        assertThat(second.path("dataProduct").path("name").asText()).isEqualTo("cashflow");
    }

    @Test
    void refusesAnEscapeBeyondEveryCodePointAsAProblem() {
        Problem problem =
                yaml.parse("a: \"\\UFFFFFFFF\"\n", "descriptor").getError().head();

        assertThat(problem.field()).isEqualTo("descriptor");
        assertThat(problem.message()).contains("escape");
    }

    @Test
    void aCachedParserStillReportsEveryInvalidDocument() {
        SafeYaml cached = SafeYaml.cached(YamlLimits.defaults());
        String text = "a: 1\na: 2\n";

        assertThat(cached.parse(text, "descriptor").isInvalid()).isTrue();
        assertThat(cached.parse(text, "descriptor").getError().head().field()).isEqualTo("descriptor");
    }
}
