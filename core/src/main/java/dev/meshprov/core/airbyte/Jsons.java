package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.secret.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers for the JSON trees of connector configurations. */
final class Jsons {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** How Airbyte shows a secret value it will not reveal: asterisks only. */
    private static final String MASK_PATTERN = "\\*{3,}";

    private Jsons() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The top-level keys of an object, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether Airbyte masked this value (secrets come back as asterisks). */
    static boolean isMasked(JsonNode node) {
        return node != null && node.isTextual() && node.asText().matches(MASK_PATTERN);
    }

    /** The text values of secret-looking keys ({@code password}, {@code private_key}, ...) anywhere in a tree. */
    static List<String> secretValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        collectSecrets(node, values);
        return values;
    }

    private static void collectSecrets(JsonNode node, List<String> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (Redactor.isSecretKey(field.getKey()) && field.getValue().isTextual()) {
                    values.add(field.getValue().asText());
                } else {
                    collectSecrets(field.getValue(), values);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectSecrets(element, values));
        }
    }

    /** The tree as plain Java values (maps, lists, strings, numbers, booleans), for catalog-info updates. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(ObjectNode node) {
        return MAPPER.convertValue(node, Map.class);
    }
}
