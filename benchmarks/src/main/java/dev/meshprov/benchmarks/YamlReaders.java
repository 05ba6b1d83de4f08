package dev.meshprov.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.descriptor.SafeYaml;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Ways of turning a descriptor's text into a Jackson tree, side by side, to show where parsing time goes (issue 13's
 * parsing levers); only {@code safe-yaml} is what meshprov runs.
 *
 * <ul>
 *   <li>{@code safe-yaml}: {@link SafeYaml} without its cache: the plain reader, which reads these descriptors;
 *   <li>{@code safe-yaml-snakeyaml}: {@link SafeYaml} on the same descriptor with an anchor on {@code dataProduct}
 *       (the same tree), which the plain reader leaves to SnakeYAML's compose and the conversion: what every
 *       descriptor cost before, and what one in a style the plain reader declines still costs;
 *   <li>{@code snakeyaml-events-tree}: SnakeYAML's event API building the tree directly, without its node graph (a
 *       prototype: no aliases, no limits, no types), the best that streaming SnakeYAML's events could do;
 *   <li>{@code snakeyaml-events}: SnakeYAML's scanner and parser alone, every event read and dropped: the floor of
 *       anything built on them;
 *   <li>{@code jackson-yaml}: {@code jackson-dataformat-yaml}'s {@code readTree} (SnakeYAML's parser underneath;
 *       reads an alias as a string, so it would also need alias handling of its own).
 * </ul>
 */
public class YamlReaders extends MeshprovBenchmark {

    @Param({"mwaa", "large"})
    public String descriptor;

    @Param({"safe-yaml", "safe-yaml-snakeyaml", "snakeyaml-events-tree", "snakeyaml-events", "jackson-yaml"})
    public String reader;

    private String text;
    private Function<String, Object> read;

    @Setup(Level.Trial)
    public void setUp() {
        String yaml = descriptor.equals("large") ? LargeDataProduct.yaml() : Fixtures.example("mwaa-component.yaml");
        SafeYaml safeYaml = SafeYaml.withDefaults();
        YAMLMapper jackson = new YAMLMapper();
        text = reader.equals("safe-yaml-snakeyaml") ? yaml.replaceFirst("dataProduct:", "dataProduct: &dp") : yaml;
        read = switch (reader) {
            case "safe-yaml", "safe-yaml-snakeyaml" ->
                t -> safeYaml.parse(t, "descriptor").get();
            case "snakeyaml-events-tree" -> YamlReaders::eventsToTree;
            case "snakeyaml-events" -> YamlReaders::eventsOnly;
            case "jackson-yaml" ->
                t -> {
                    try {
                        return jackson.readTree(t);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                };
            default -> throw new IllegalArgumentException("no such reader: " + reader);
        };
        Object tree = read.apply(text);
        if (tree instanceof JsonNode node && !node.path("dataProduct").isObject()) {
            throw new IllegalStateException(reader + " did not read the descriptor");
        }
    }

    @Benchmark
    public Object read() {
        return read.apply(text);
    }

    private static Yaml snakeYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(8 * 1024 * 1024);
        return new Yaml(options);
    }

    private static int eventsOnly(String text) {
        int events = 0;
        for (Event ignored : snakeYaml().parse(new StringReader(text))) {
            events++;
        }
        return events;
    }

    private static JsonNode eventsToTree(String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Deque<JsonNode> open = new ArrayDeque<>();
        JsonNode root = null;
        String pendingKey = null;
        for (Event event : snakeYaml().parse(new StringReader(text))) {
            JsonNode made;
            switch (event.getEventId()) {
                case MappingStart -> made = nodes.objectNode();
                case SequenceStart -> made = nodes.arrayNode();
                case Scalar -> {
                    String value = ((ScalarEvent) event).getValue();
                    if (open.peek() instanceof ObjectNode && pendingKey == null) {
                        pendingKey = value;
                        continue;
                    }
                    made = nodes.textNode(value);
                }
                case MappingEnd, SequenceEnd -> {
                    open.pop();
                    pendingKey = null;
                    continue;
                }
                default -> {
                    continue;
                }
            }
            JsonNode parent = open.peek();
            if (parent == null) {
                root = made;
            } else if (parent instanceof ObjectNode object) {
                object.set(pendingKey, made);
            } else {
                ((ArrayNode) parent).add(made);
            }
            if (made.isContainerNode()) {
                open.push(made);
            }
            pendingKey = null;
        }
        return root;
    }
}
