package dev.meshprov.core.service;

import dev.meshprov.core.model.Component;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes a component to a technology by its {@code infrastructureTemplateId}, then its {@code useCaseTemplateId},
 * comparing URNs without their version segment ({@code urn:dmb:itm:airbyte-provisioner:0} matches
 * {@code urn:dmb:itm:airbyte-provisioner}).
 */
public final class RoutingTable {

    private final List<Route> routes;
    private final Map<String, String> byInfrastructure = new HashMap<>();
    private final Map<String, String> byUseCase = new HashMap<>();

    public RoutingTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        for (Route route : this.routes) {
            route.infrastructureTemplateIds()
                    .forEach(id -> byInfrastructure.put(withoutVersion(id), route.technology()));
            route.useCaseTemplateIds().forEach(id -> byUseCase.put(withoutVersion(id), route.technology()));
        }
    }

    /** The table that recognises the public Witboost templates of the three technologies. */
    public static RoutingTable defaults() {
        return new RoutingTable(defaultRoutes());
    }

    /** The routes of the public templates: Airbyte, CDE Spark and Airflow/MWAA. */
    public static List<Route> defaultRoutes() {
        return List.of(
                new Route("airbyte", Set.of("urn:dmb:itm:airbyte-provisioner"), Set.of("urn:dmb:utm:airbyte-standard")),
                new Route(
                        "cde",
                        Set.of("urn:dmb:itm:cdp-aws-workload-spark-provisioner"),
                        Set.of("urn:dmb:utm:spark-workload-template")),
                new Route(
                        "mwaa",
                        Set.of("urn:dmb:itm:aws-workload-airflow-provisioner"),
                        Set.of("urn:dmb:utm:aws-airflow-workload-template")));
    }

    /** The technology of a component, if its template ids are known. */
    public Optional<String> technologyFor(Component component) {
        Optional<String> byInfra =
                component.infrastructureTemplateId().map(id -> byInfrastructure.get(withoutVersion(id)));
        if (byInfra.isPresent()) {
            return byInfra;
        }
        return component.useCaseTemplateId().flatMap(this::technologyForUseCase);
    }

    /** The technology of a use case template id, if known. */
    public Optional<String> technologyForUseCase(String useCaseTemplateId) {
        return Optional.ofNullable(byUseCase.get(withoutVersion(useCaseTemplateId)));
    }

    /** The template ids known for each technology, for error messages. */
    public String describe() {
        return routes.stream()
                .map(route -> {
                    Set<String> ids = new LinkedHashSet<>(route.infrastructureTemplateIds());
                    ids.addAll(route.useCaseTemplateIds());
                    return route.technology() + " (" + String.join(", ", ids) + ")";
                })
                .collect(Collectors.joining("; "));
    }

    public List<Route> routes() {
        return routes;
    }

    /** A URN without a trailing version segment such as {@code :0} or {@code :0.0.0}. */
    public static String withoutVersion(String urn) {
        String trimmed = urn.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon > 0 && isVersion(trimmed, colon + 1)) {
            return trimmed.substring(0, colon);
        }
        return trimmed;
    }

    /**
     * Whether {@code text} from {@code from} to its end is a version, {@code v?\d+(\.\d+)*([-+][0-9A-Za-z.-]+)?}: read
     * by hand, since every routed request asks and a regular expression's matcher was a fifth of what routing
     * allocated.
     */
    static boolean isVersion(String text, int from) {
        int end = text.length();
        int i = from;
        if (i < end && text.charAt(i) == 'v') {
            i++;
        }
        i = digits(text, i);
        if (i < 0) {
            return false;
        }
        while (i < end && text.charAt(i) == '.') {
            i = digits(text, i + 1);
            if (i < 0) {
                return false;
            }
        }
        if (i == end) {
            return true;
        }
        char sign = text.charAt(i);
        if ((sign != '-' && sign != '+') || i + 1 == end) {
            return false;
        }
        for (int j = i + 1; j < end; j++) {
            char c = text.charAt(j);
            boolean allowed =
                    (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** The index after one or more ASCII digits from {@code from}, or -1 when there is none. */
    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i > from ? i : -1;
    }
}
