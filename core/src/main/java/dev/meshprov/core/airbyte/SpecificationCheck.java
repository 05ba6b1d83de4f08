package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.util.List;
import java.util.Map;

/**
 * Checks the configuration meshprov would send against the connector's published rules and reports each violation
 * as a problem: on the descriptor field it comes from, or on the server configuration key when meshprov injected
 * the field itself (e.g. {@code airbyte.snowflake.host}). A field meshprov's own rules already reported is not
 * reported twice.
 */
final class SpecificationCheck {

    private SpecificationCheck() {}

    /**
     * @param specification the connector's rules
     * @param configuration the configuration to send, after meshprov's defaults and injections
     * @param written a reader of the configuration as the descriptor wrote it (for the field paths)
     * @param injected the top-level keys meshprov set itself, each with the configuration key it comes from
     * @param problems where the problems go
     */
    static void apply(
            ConnectorSpecification specification,
            JsonNode configuration,
            FieldReader written,
            Map<String, String> injected,
            ProblemList problems) {
        List<Problem> before = problems.asList();
        for (SpecViolation violation : specification.violations(configuration)) {
            List<String> path = violation.path();
            String message = "breaks the rules of " + specification.name() + ": " + violation.message();
            String hint = violation.hint().map(h -> h + " ").orElse("");
            if (!path.isEmpty() && injected.containsKey(path.get(0))) {
                String key = injected.get(path.get(0));
                add(
                        problems,
                        before,
                        Problem.of(
                                key,
                                "is injected as " + String.join(".", path) + " and " + message,
                                hint + "Ask the platform team to correct " + key + " in the meshprov configuration."));
            } else {
                String field = path.isEmpty() ? written.path() : written.path() + "." + String.join(".", path);
                add(
                        problems,
                        before,
                        Problem.of(
                                field,
                                message,
                                hint + "Correct " + (path.isEmpty() ? "the configuration" : String.join(".", path))
                                        + " as the connector's documentation describes."));
            }
        }
    }

    /** Adds the problem unless meshprov's own rules already reported its field, a field inside it or around it. */
    private static void add(ProblemList problems, List<Problem> before, Problem problem) {
        boolean known = before.stream().anyMatch(earlier -> related(earlier.field(), problem.field()));
        boolean repeated = problems.asList().stream()
                .anyMatch(earlier -> earlier.field().equals(problem.field())
                        && earlier.message().equals(problem.message()));
        if (!known && !repeated) {
            problems.add(problem);
        }
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
    }
}
