package dev.meshprov.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.service.Registration;
import dev.meshprov.http.wire.WireJson;
import java.util.Locale;

/**
 * The JSON of a configuration check: {@code {"valid": bool, "source": "...", "problems": [{"key", "message",
 * "fix"}], "technologies": [{"name", "enabled", "mode", "warnings"}]}}; {@code technologies} only when valid,
 * {@code warnings} (what is valid but ill-advised) only for enabled technologies.
 */
public final class ConfigJson {

    private ConfigJson() {}

    public static ObjectNode report(ConfigReport report) {
        ObjectNode node = WireJson.object();
        node.put("valid", report.isValid());
        node.put("source", report.source());
        ArrayNode problems = node.putArray("problems");
        report.problems().forEach(problem -> problems.add(problem(problem)));
        if (report.isValid()) {
            ArrayNode technologies = node.putArray("technologies");
            report.technologies().forEach(technology -> technologies.add(technology(technology)));
        }
        return node;
    }

    private static ObjectNode problem(Problem problem) {
        ObjectNode node = WireJson.object();
        node.put("key", problem.field());
        node.put("message", problem.message());
        node.put("fix", problem.solution());
        return node;
    }

    private static ObjectNode technology(Registration registration) {
        ObjectNode node = WireJson.object();
        node.put("name", registration.name());
        node.put("enabled", registration.isEnabled());
        node.put("mode", registration.mode().name().toLowerCase(Locale.ROOT));
        registration.technology().ifPresent(technology -> {
            ArrayNode warnings = node.putArray("warnings");
            technology.configurationWarnings().forEach(warnings::add);
        });
        return node;
    }
}
