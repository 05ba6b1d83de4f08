package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a desired connector configuration with the one Airbyte reports. Only what the descriptor (and the
 * server) sets is compared: keys Airbyte adds on its own (defaults, {@code sourceType}) are ignored, and a value
 * Airbyte masks (a secret) counts as equal, since Airbyte never shows it back. Differences are named by dotted
 * path, never by value, so they can be logged even for secret fields.
 */
final class ConfigurationDiff {

    private ConfigurationDiff() {}

    /** The dotted paths (starting with {@code prefix}) where {@code observed} lacks what {@code desired} sets. */
    static List<String> differences(String prefix, JsonNode desired, JsonNode observed) {
        List<String> differences = new ArrayList<>();
        collect(prefix, desired, observed, differences);
        return differences;
    }

    private static void collect(String path, JsonNode desired, JsonNode observed, List<String> differences) {
        if (Jsons.isMasked(observed)) {
            return;
        }
        if (desired.isObject()) {
            if (!observed.isObject()) {
                differences.add(path);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path + "." + field.getKey(), field.getValue(), observed.path(field.getKey()), differences);
            }
            return;
        }
        if (!same(desired, observed)) {
            differences.add(path);
        }
    }

    private static boolean same(JsonNode desired, JsonNode observed) {
        if (desired.isNull()) {
            return observed.isNull() || observed.isMissingNode();
        }
        if (desired.isNumber() && observed.isNumber()) {
            return desired.decimalValue().compareTo(observed.decimalValue()) == 0;
        }
        if (desired.isArray()) {
            if (!observed.isArray() || observed.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!differences("", desired.get(i), observed.get(i)).isEmpty()) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isObject()) {
            return differences("", desired, observed).isEmpty();
        }
        return desired.equals(observed);
    }
}
