package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of a connector configuration as JSON Pointers ({@code /provider/storage}): what meshprov wrote last
 * (recorded in {@code info.privateInfo}, keys only, never values), and what of it must go now. Airbyte's PATCH
 * deep-merges a configuration into the stored one, so a field meshprov no longer writes stays upstream unless the
 * configuration is replaced (PUT); fields meshprov never wrote (set in the Airbyte UI, or by Airbyte itself) are left
 * alone.
 */
final class ConfigurationPaths {

    private ConfigurationPaths() {}

    /** Every leaf of the configuration (a value that is not an object with fields), as a JSON Pointer. */
    static Set<String> leaves(JsonNode configuration) {
        Set<String> leaves = new TreeSet<>();
        collect("", configuration, leaves);
        return leaves;
    }

    /** The recorded pointers as the text kept in {@code info.privateInfo}. */
    static String write(Set<String> pointers) {
        return Jsons.MAPPER.valueToTree(new ArrayList<>(pointers)).toString();
    }

    /**
     * The pointers recorded by the previous run: a JSON array of strings, or a text holding one; empty when none was
     * recorded or it cannot be read (then nothing is known to be meshprov's own).
     */
    static Optional<Set<String>> read(JsonNode recorded) {
        JsonNode array = recorded;
        if (recorded.isTextual()) {
            try {
                array = Jsons.MAPPER.readTree(recorded.asText());
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
        if (array == null || !array.isArray()) {
            return Optional.empty();
        }
        Set<String> pointers = new TreeSet<>();
        for (JsonNode element : array) {
            if (!element.isTextual() || !valid(element.asText())) {
                return Optional.empty();
            }
            pointers.add(element.asText());
        }
        return Optional.of(pointers);
    }

    /**
     * The fields meshprov wrote last that the desired configuration no longer has but Airbyte still holds: a merge
     * would keep them, so the configuration must be replaced.
     */
    static List<String> removed(Set<String> written, JsonNode desired, JsonNode observed) {
        List<String> removed = new ArrayList<>();
        for (String pointer : written) {
            JsonPointer path = JsonPointer.compile(pointer);
            if (desired.at(path).isMissingNode() && !replacedByAncestor(path, desired) && present(observed, path)) {
                removed.add(pointer);
            }
        }
        return removed;
    }

    /**
     * The desired fields whose value a merge cannot set: Airbyte's merge descends into an object it holds, so a
     * desired value that is not an object (text, number, list, null) never replaces a stored object.
     */
    static List<String> unmergeable(JsonNode desired, JsonNode observed) {
        List<String> unmergeable = new ArrayList<>();
        for (String pointer : leaves(desired)) {
            JsonNode stored = observed.at(JsonPointer.compile(pointer));
            JsonNode wanted = desired.at(JsonPointer.compile(pointer));
            if (stored.isObject() && !wanted.isObject()) {
                unmergeable.add(pointer);
            }
        }
        return unmergeable;
    }

    /** {@code /provider/user_agent} as {@code provider.user_agent}, for logs and plans. */
    static String dotted(String pointer) {
        return pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
    }

    private static boolean replacedByAncestor(JsonPointer path, JsonNode desired) {
        for (JsonPointer parent = path.head(); parent != null && !parent.matches(); parent = parent.head()) {
            JsonNode value = desired.at(parent);
            if (!value.isMissingNode() && !value.isObject()) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(JsonNode observed, JsonPointer path) {
        return !observed.at(path).isMissingNode();
    }

    private static void collect(String prefix, JsonNode node, Set<String> into) {
        if (!node.isObject() || node.isEmpty()) {
            if (!prefix.isEmpty()) {
                into.add(prefix);
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            collect(prefix + "/" + escape(field.getKey()), field.getValue(), into);
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static boolean valid(String pointer) {
        if (!pointer.startsWith("/")) {
            return false;
        }
        try {
            JsonPointer.compile(pointer);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
