package dev.meshprov.http.bootstrap;

import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.service.Route;
import dev.meshprov.core.service.RoutingTable;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code routing} section: per technology, which template ids route to it, over the built-in routes. */
final class RoutingSection {

    private RoutingSection() {}

    /** The {@code routing} section, by technology name; every problem is added to {@code problems}. */
    static Map<String, RouteSettings> bind(ConfigSection section, Set<String> technologies, ProblemList problems) {
        Map<String, RouteSettings> routes = new HashMap<>();
        if (section.isAbsent()) {
            return routes;
        }
        if (!section.node().isObject()) {
            problems.add(
                    Problem.of("routing", "must be a map of technology names", "See the configuration reference."));
            return routes;
        }
        section.node().fieldNames().forEachRemaining(name -> {
            if (!technologies.contains(name)) {
                problems.add(Problem.of(
                        section.key(name),
                        "is not a technology of this build",
                        "Use one of: " + String.join(", ", technologies) + "."));
                return;
            }
            Validation<Seq<Problem>, RouteSettings> bound = section.child(name).bind(RouteSettings.class);
            RouteSettings route = problems.take(bound, null);
            if (route != null) {
                routes.put(name, route);
            }
        });
        return routes;
    }

    /** The default routes with the configured overrides, then the routes of technologies without a default. */
    static RoutingTable table(Map<String, RouteSettings> configured) {
        List<Route> routes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Route route : RoutingTable.defaultRoutes()) {
            RouteSettings override = configured.get(route.technology());
            routes.add(override == null ? route : merge(route, override));
            seen.add(route.technology());
        }
        configured.forEach((name, settings) -> {
            if (!seen.contains(name)) {
                routes.add(merge(new Route(name, Set.of(), Set.of()), settings));
            }
        });
        return new RoutingTable(routes);
    }

    private static Route merge(Route defaults, RouteSettings override) {
        return new Route(
                defaults.technology(),
                override.infrastructureTemplateIds() == null
                        ? defaults.infrastructureTemplateIds()
                        : Set.copyOf(override.infrastructureTemplateIds()),
                override.useCaseTemplateIds() == null
                        ? defaults.useCaseTemplateIds()
                        : Set.copyOf(override.useCaseTemplateIds()));
    }
}
