package dev.meshprov.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Small readers for descriptor trees. */
public final class Descriptors {

    private Descriptors() {}

    /**
     * The value of {@code field} when it is a non-blank scalar (strings as written; numbers and booleans as their
     * text, since YAML users write {@code version: 1} as often as {@code version: "1"}).
     */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            String text = value.asText();
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }

    /** A short name of a node's type for error messages, e.g. {@code a list}, {@code a number}. */
    public static String describeType(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "missing";
        };
    }
}
