package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.meshprov.core.secret.Redactor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How an Airbyte server treats a stored connector configuration, shared by the in-memory gateway and the local
 * Airbyte server so that both behave as airbyte-platform does (read in its code; see
 * docs/vendor-contracts/airbyte.md): PATCH deep-merges the update into the stored configuration
 * ({@code ConfigurationUpdate.partialSource} with {@code SecretsHelpers.mergeNodesExceptForSecrets}); PUT replaces
 * it, except that a secret sent back as Airbyte's mask keeps the stored secret ({@code ConfigurationUpdate.source}
 * with {@code JsonSecretsProcessor.copySecrets}); answers show secret fields as the mask
 * ({@code prepareSecretsForOutput}). Secret fields are named by JSON Pointer.
 */
public final class StoredConfigurations {

    /** How Airbyte shows a secret ({@code AirbyteSecretConstants.SECRETS_MASK}). */
    public static final String MASK = "**********";

    private StoredConfigurations() {}

    /** Secret fields judged by their names, for connectors whose specification is unknown. */
    public static Predicate<String> secretByName() {
        return pointer -> {
            String key = pointer.substring(pointer.lastIndexOf('/') + 1);
            return Redactor.isSecretKey(key) && !key.equals("auth_type");
        };
    }

    /**
     * PATCH: every field of {@code update} is written into a copy of {@code stored}; where both hold an object the
     * merge descends, so fields the update lacks stay; where {@code stored} holds an object and the update does not,
     * the stored object stays as it is (the merge descends into it and finds no fields).
     */
    public static ObjectNode merge(JsonNode stored, JsonNode update) {
        ObjectNode result = stored.isObject() ? ((ObjectNode) stored).deepCopy() : Jsons.object();
        mergeInto(result, update);
        return result;
    }

    /** PUT: {@code update} replaces {@code stored}, but a secret field sent as the mask keeps its stored value. */
    public static ObjectNode replace(JsonNode stored, JsonNode update, Predicate<String> secret) {
        ObjectNode result = ((ObjectNode) update).deepCopy();
        keepMaskedSecrets("", stored, result, secret);
        return result;
    }

    /** A copy with every secret field shown as the mask. */
    public static JsonNode masked(JsonNode configuration, Predicate<String> secret) {
        JsonNode copy = configuration.deepCopy();
        maskInPlace("", copy, secret);
        return copy;
    }

    private static void mergeInto(ObjectNode target, JsonNode update) {
        Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject()) {
                mergeInto((ObjectNode) existing, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static void keepMaskedSecrets(String prefix, JsonNode stored, ObjectNode update, Predicate<String> secret) {
        for (String key : List.copyOf(Jsons.fieldNames(update))) {
            String pointer = prefix + "/" + key;
            JsonNode value = update.get(key);
            JsonNode before = stored.path(key);
            if (secret.test(pointer) && value.isTextual() && value.asText().equals(MASK) && !before.isMissingNode()) {
                update.set(key, before.deepCopy());
            } else if (value.isObject() && before.isObject()) {
                keepMaskedSecrets(pointer, before, (ObjectNode) value, secret);
            }
        }
    }

    private static void maskInPlace(String prefix, JsonNode node, Predicate<String> secret) {
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String pointer = prefix + "/" + field.getKey();
            if (secret.test(pointer) && field.getValue().isValueNode()) {
                field.setValue(TextNode.valueOf(MASK));
            } else {
                maskInPlace(pointer, field.getValue(), secret);
            }
        }
    }
}
