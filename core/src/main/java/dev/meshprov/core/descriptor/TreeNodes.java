package dev.meshprov.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;

/**
 * Makes the maps and lists of a parsed tree, either read-only or the caller's own to change.
 *
 * <p>A read-only tree may be shared by every caller (the parse cache hands the same tree to all of them): its maps
 * and lists refuse every change with {@link UnsupportedOperationException} ({@code put}, {@code set}, {@code
 * remove}, {@code add}, removing through an iterator, {@code Map.Entry.setValue}), while {@link JsonNode#deepCopy()}
 * of any of its nodes is an ordinary tree the caller may change. Jackson has no immutable node classes; these are
 * its own {@code ObjectNode} and {@code ArrayNode} over unmodifiable views.
 */
enum TreeNodes {
    /** Maps and lists that refuse every change; the tree may be shared. */
    READ_ONLY {
        @Override
        ObjectNode object(LinkedHashMap<String, JsonNode> children) {
            return new ObjectNode(FACTORY, Collections.unmodifiableMap(children));
        }

        @Override
        ArrayNode array(ArrayList<JsonNode> children) {
            return new ArrayNode(FACTORY, Collections.unmodifiableList(children));
        }
    },
    /** Ordinary maps and lists, for a caller who owns the tree. */
    MUTABLE {
        @Override
        ObjectNode object(LinkedHashMap<String, JsonNode> children) {
            return new ObjectNode(FACTORY, children);
        }

        @Override
        ArrayNode array(ArrayList<JsonNode> children) {
            return new ArrayNode(FACTORY, children);
        }
    };

    static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    /** A map node holding {@code children} (which the caller hands over and no longer touches). */
    abstract ObjectNode object(LinkedHashMap<String, JsonNode> children);

    /** A list node holding {@code children} (which the caller hands over and no longer touches). */
    abstract ArrayNode array(ArrayList<JsonNode> children);
}
