package dev.meshprov.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts a composed SnakeYAML node graph into a Jackson tree without constructing any Java object from a tag:
 * aliases are expanded (bounded by {@link YamlLimits#maxNodes()} and depth), recursive aliases and duplicate keys
 * are refused, merge keys ({@code <<}) are applied, and only the JSON-compatible tags are accepted. Reads every
 * document that {@link PlainYamlReader} leaves to it, and reports every problem of a document.
 */
final class NodeTreeConverter {

    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

    private final YamlLimits limits;
    private final TreeNodes nodes;
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    private int produced;

    NodeTreeConverter(YamlLimits limits, TreeNodes nodes) {
        this.limits = limits;
        this.nodes = nodes;
    }

    JsonNode convert(Node node) {
        return convert(node, 0);
    }

    private JsonNode convert(Node node, int depth) {
        if (depth > limits.maxDepth()) {
            throw new YamlRejected("the document nests deeper than " + limits.maxDepth() + " levels" + at(node));
        }
        if (++produced > limits.maxNodes()) {
            throw new YamlRejected("the document expands to more than " + limits.maxNodes()
                    + " values (aliases that repeat large parts, e.g. a 'billion laughs' document)");
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (inProgress.put(node, Boolean.TRUE) != null) {
            throw new YamlRejected("an alias refers to a list or map that contains it (a recursive alias)" + at(node));
        }
        try {
            if (node instanceof SequenceNode sequence) {
                requireTag(node, Tag.SEQ);
                ArrayList<JsonNode> elements =
                        new ArrayList<>(sequence.getValue().size());
                for (Node element : sequence.getValue()) {
                    elements.add(convert(element, depth + 1));
                }
                return nodes.array(elements);
            }
            MappingNode mapping = (MappingNode) node;
            requireTag(node, Tag.MAP);
            return nodes.object(entries(mapping, depth));
        } finally {
            inProgress.remove(node);
        }
    }

    /** The entries of a mapping: its own keys first-wins over merged ones, duplicates of its own keys refused. */
    private LinkedHashMap<String, JsonNode> entries(MappingNode mapping, int depth) {
        LinkedHashMap<String, JsonNode> own = new LinkedHashMap<>();
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                merge(tuple.getValueNode(), depth, merged);
                continue;
            }
            String key = key(keyNode);
            if (own.containsKey(key)) {
                throw new YamlRejected("duplicate key '" + truncate(key) + "'" + at(keyNode));
            }
            own.put(key, convert(tuple.getValueNode(), depth + 1));
        }
        if (merged.isEmpty()) {
            return own;
        }
        merged.keySet().removeAll(own.keySet());
        LinkedHashMap<String, JsonNode> result = new LinkedHashMap<>(own);
        result.putAll(merged);
        return result;
    }

    private void merge(Node source, int depth, Map<String, JsonNode> into) {
        List<Node> sources = source instanceof SequenceNode sequence ? sequence.getValue() : List.of(source);
        for (Node each : sources) {
            if (!(each instanceof MappingNode)) {
                throw new YamlRejected("a merge key (<<) must refer to a map or a list of maps" + at(each));
            }
            JsonNode converted = convert(each, depth + 1);
            converted.fields().forEachRemaining(e -> into.putIfAbsent(e.getKey(), e.getValue()));
        }
    }

    private String key(Node keyNode) {
        if (!(keyNode instanceof ScalarNode scalar)) {
            throw new YamlRejected("map keys must be plain values, not lists or maps" + at(keyNode));
        }
        requireScalarTag(scalar);
        return scalar.getValue();
    }

    private static JsonNode scalar(ScalarNode scalar) {
        requireScalarTag(scalar);
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return TreeNodes.FACTORY.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return ScalarValues.bool(value);
        }
        if (tag.equals(Tag.INT)) {
            try {
                return ScalarValues.integer(value);
            } catch (NumberFormatException e) {
                throw new YamlRejected("'" + truncate(value) + "' is not a whole number" + at(scalar));
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            if (ScalarValues.isInfiniteOrNaN(value)) {
                throw new YamlRejected("infinite and NaN numbers are not accepted" + at(scalar));
            }
            try {
                return ScalarValues.decimal(value);
            } catch (NumberFormatException e) {
                throw new YamlRejected("'" + truncate(value) + "' is not a number" + at(scalar));
            }
        }
        return TreeNodes.FACTORY.textNode(value);
    }

    private static void requireScalarTag(ScalarNode scalar) {
        if (!SCALAR_TAGS.contains(scalar.getTag())) {
            throw unsupportedTag(scalar);
        }
    }

    private static void requireTag(Node node, Tag expected) {
        if (!node.getTag().equals(expected)) {
            throw unsupportedTag(node);
        }
    }

    private static YamlRejected unsupportedTag(Node node) {
        return new YamlRejected("the YAML tag " + truncate(node.getTag().getValue())
                + " is not accepted (only plain strings, numbers, booleans, null, lists and maps)" + at(node));
    }

    static String at(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    static String truncate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
