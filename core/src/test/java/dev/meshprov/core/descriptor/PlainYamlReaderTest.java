package dev.meshprov.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Problem;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@link PlainYamlReader} against SnakeYAML's compose and {@link NodeTreeConverter} (the path every document it
 * declines takes): for every document, it declines, or SnakeYAML accepts the document too and the trees are the
 * same, node class for node class, key order included. A document SnakeYAML refuses must never be read.
 */
class PlainYamlReaderTest {

    private static final YamlLimits LIMITS = YamlLimits.defaults();
    private static final SafeYaml SNAKE = new SafeYaml(LIMITS);
    private static final long SEED = Long.getLong("meshprov.yaml.seed", 0x79616d6cL);
    private static final int DOCUMENTS = Integer.getInteger("meshprov.yaml.documents", 20_000);

    /** The tree as text, with every node's class and every key in order: equal only when the trees are alike. */
    static String strict(JsonNode node) {
        StringBuilder out = new StringBuilder();
        strict(node, out);
        return out.toString();
    }

    private static void strict(JsonNode node, StringBuilder out) {
        out.append(node.getClass().getSimpleName());
        if (node.isObject()) {
            out.append('{');
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append('"').append(field.getKey()).append("\":");
                strict(field.getValue(), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(element -> {
                strict(element, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append('(')
                    .append(node.isNumber() ? node.numberValue().toString() : node.asText())
                    .append(')');
        }
    }

    /** Whether the reader reads {@code text} (then like SnakeYAML); fails the test where it reads it otherwise. */
    private static boolean readsAlike(String text) {
        JsonNode plain = PlainYamlReader.read(text, LIMITS, TreeNodes.MUTABLE);
        if (plain == null) {
            return false;
        }
        Validation<Seq<Problem>, JsonNode> composed = SNAKE.composed(text, "descriptor", TreeNodes.MUTABLE);
        if (composed.isInvalid()) {
            fail(
                    "read a document SnakeYAML refuses (%s):%n%s",
                    composed.getError().head(), text);
        }
        if (!strict(plain).equals(strict(composed.get()))) {
            fail(
                    "read otherwise than SnakeYAML:%n%s%nreader:    %s%nsnakeyaml: %s",
                    text, strict(plain), strict(composed.get()));
        }
        return true;
    }

    private static List<String> examplesAndFixtures() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path directory : List.of(Path.of("..", "examples"), Path.of("src", "test", "resources", "descriptors"))) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    texts.add(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return texts;
    }

    @Test
    void readsEveryExampleLikeSnakeYaml() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertThat(readsAlike(Files.readString(file, StandardCharsets.UTF_8)))
                        .as("%s is read by the plain reader", file)
                        .isTrue();
            }
        }
    }

    @Test
    void neverReadsAFixtureOtherwiseThanSnakeYaml() throws IOException {
        List<String> texts = examplesAndFixtures();
        assertThat(texts).hasSizeGreaterThan(15);
        long read = texts.stream().filter(PlainYamlReaderTest::readsAlike).count();

        assertThat(read).as("the valid fixtures are read").isGreaterThanOrEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a: 1\nb: two\n",
                "a:\n  b:\n    c: [1, 2]\n  d: {x: y, 'q': \"w\"}\n",
                "list:\n- a\n- b: 1\n  c: 2\n-\n- x\n",
                "list:\n  - a\n  -   b: 1\n      c: 2\nnext: 3\n",
                "  indented: root\n  second: 2\n",
                "- 1\n- -1\n- +1\n- 0755\n- 1e5\n- 1.\n- .5\n- -.5\n- 12345678901234567890\n- 2147483648\n",
                "- true\n- True\n- FALSE\n- yes\n- no\n- on\n- NO\n- null\n- ~\n- Null\n-\n- \"\"\n- ''\n",
                "key : spaced\nurn:a:b: c\na#b: x # comment\n-x: y\n\"quoted key\": 'it''s'\n",
                "e: \"tab\\there \\u00e9 \\U0001F600 \\x41 \\\\ \\\" \\0 \\N \\_\"\n",
                "flow: [a b, 'c d', \"e\", [], {}, {k: [1, {m: n}]}, -x, a:b]\n",
                "json: {\"a\":1, \"b\" : [true, null, 2.5]}\n",
                "empty:\n\n# comment\n   # indented comment\nafter: 1\n",
                "a:\n- x\nb:\n  - y\n",
                "unicode: 日本語 é 😀\nkey with spaces: value with  two spaces\n",
                "a: 'x' # c\nb: [x] # c\nc: {y: z}   \n",
                "# only a comment\n",
                "",
            })
    void readsCommonYamlLikeSnakeYaml(String text) {
        assertThat(readsAlike(text)).as("read: %s", text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a: &x 1\nb: *x\n",
                "a: !!str 1\n",
                "a: !custom x\n",
                "a: |\n  text\n",
                "a: >\n  text\n",
                "a: plain\n  continued\n",
                "a: 'quoted\n  continued'\n",
                "a: [1,\n  2]\n",
                "---\na: 1\n",
                "%YAML 1.1\n---\na: 1\n",
                "a: 1\n...\n",
                "a:\t1\n",
                "a: 1\r\nb: 2\r\n",
                "? complex\n: key\n",
                "a: 1\na: 2\n",
                "<<: {a: 1}\n",
                "a: .inf\n",
                "a: .NaN\n",
                "a: 1\n  b: 2\n",
                "a:\n    b: 1\n  c: 2\n",
                "- a\n  - b\n",
                "a: b: c\n",
                "a: [x]: y\n",
                "a: [x,]\n",
                "a: [x y: z]\n",
                "a: {x}\n",
                "a: \"x\"#c\n",
                "a: \"\\q\"\n",
                "a: \"\\/\"\n",
                "just a scalar\n",
                "[flow, root]\n",
                "a: @x\n",
                "a: `x`\n",
                "a: x\u0085b\n",
                "\ufeffa: 1\n",
                "a: \u0001\n",
            })
    void declinesWhatItDoesNotRead(String text) {
        assertThat(PlainYamlReader.read(text, LIMITS, TreeNodes.MUTABLE))
                .as("declined: %s", text)
                .isNull();
    }

    @Test
    void declinesBeyondTheDepthAndNodeLimits() {
        String deep = "a: " + "[".repeat(70) + "]".repeat(70) + "\n";
        String many = "a: [" + "1, ".repeat(99) + "1]\n";

        assertThat(PlainYamlReader.read(deep, LIMITS, TreeNodes.MUTABLE)).isNull();
        assertThat(PlainYamlReader.read(many, new YamlLimits(10_000, 10, 10, 50), TreeNodes.MUTABLE))
                .isNull();
        assertThat(PlainYamlReader.read(many, new YamlLimits(10_000, 10, 10, 500), TreeNodes.MUTABLE))
                .isNotNull();
    }

    @Test
    void generatedDocumentsAreReadLikeSnakeYamlOrLeftToIt() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        YamlDocuments documents = new YamlDocuments(random);
        List<String> seeds = examplesAndFixtures();
        int read = 0;
        int readMutated = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            String document = documents.document();
            if (readsAlike(document)) {
                read++;
            }
            String mutated = documents.mutate(i % 4 == 0 ? seeds.get(i / 4 % seeds.size()) : document);
            if (readsAlike(mutated)) {
                readMutated++;
            }
        }
        System.out.printf(
                "plain reader, seed %d: read %d of %d generated documents, %d of %d mutated ones%n",
                SEED, read, DOCUMENTS, readMutated, DOCUMENTS);
        assertThat(read).as("the generator makes documents the reader reads").isGreaterThan(DOCUMENTS / 10);
        assertThat(readMutated).as("and mutations it still reads").isGreaterThan(DOCUMENTS / 20);
    }

    @Test
    void typesPlainScalarsLikeTheResolver() {
        JsonCompatibleResolver resolver = new JsonCompatibleResolver();
        PlainScalars scalars = new PlainScalars("");
        SplittableRandom random = new SplittableRandom(SEED);
        String alphabet = "0123456789-+.eE_tTrRuUfFaAlLsSnN~<iIx :";
        String[] whole = {".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "<<", "null", "TRUE", "1e5", "-.5e+3"};
        for (int i = 0; i < 200_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(7);
            for (int k = 0; k < length; k++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = i % 10 == 0 ? whole[i / 10 % whole.length] + value : value.toString();
            Tag tag = resolver.resolve(NodeId.scalar, text, true);
            JsonNode typed;
            try {
                typed = scalars.typed(text);
            } catch (RuntimeException declined) {
                assertThat(declined).isSameAs(PlainYamlReader.declined());
                assertThat(tag.equals(Tag.MERGE) || tag.equals(Tag.FLOAT) && ScalarValues.isInfiniteOrNaN(text))
                        .as("declined '%s' (%s)", text, tag)
                        .isTrue();
                continue;
            }
            assertThat(strict(typed)).as("'%s' (%s)", text, tag).isEqualTo(strict(expected(tag, text)));
        }
    }

    private static JsonNode expected(Tag tag, String text) {
        if (tag.equals(Tag.NULL)) {
            return TreeNodes.FACTORY.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return ScalarValues.bool(text);
        }
        if (tag.equals(Tag.INT)) {
            return ScalarValues.integer(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            return ScalarValues.decimal(text);
        }
        assertThat(tag).isEqualTo(Tag.STR);
        return TreeNodes.FACTORY.textNode(text);
    }
}
