package dev.meshprov.cde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * CDP's DE service API model — {@code cloudera/cdpcli}'s {@code cdpcli/data/de/de.yaml}, vendored unchanged in
 * {@code vendor/cdp/} — as the judge of {@link FakeCdpServer}. The model is applied closed: every object definition
 * without {@code additionalProperties} gets {@code additionalProperties: false}, because cdpcli itself refuses an
 * unknown request field ({@code cdpcli/validate.py}: "Unknown parameter") and the fake must answer only fields CDP
 * defines.
 */
final class CdpContract {

    static final String MODEL = "vendor/cdp/de.yaml";

    private static final OpenApiJudge JUDGE = new OpenApiJudge(closedModel(), false);

    private CdpContract() {}

    static OpenApiJudge judge() {
        return JUDGE;
    }

    @SuppressWarnings("unchecked")
    static String closedModel() {
        Map<String, Object> model = new Yaml().load(OpenApiJudge.resource(MODEL));
        Map<String, Object> definitions = (Map<String, Object>) model.get("definitions");
        definitions.values().forEach(definition -> close((Map<String, Object>) definition));
        try {
            return new ObjectMapper().writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void close(Map<String, Object> schema) {
        if (schema.containsKey("properties") && !schema.containsKey("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        Object properties = schema.get("properties");
        if (properties instanceof Map<?, ?> map) {
            map.values().forEach(property -> {
                if (property instanceof Map<?, ?> nested) {
                    close((Map<String, Object>) nested);
                    Object items = nested.get("items");
                    if (items instanceof Map<?, ?> item) {
                        close((Map<String, Object>) item);
                    }
                }
            });
        }
    }

    /** The operations meshprov calls, for tests that want one of each. */
    static final List<String> OPERATIONS = List.of("listServices", "describeService", "listVcs", "describeVc");
}
