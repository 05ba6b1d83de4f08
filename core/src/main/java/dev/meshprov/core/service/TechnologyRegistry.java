package dev.meshprov.core.service;

import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The technologies of this process and the choice of one for a request. */
final class TechnologyRegistry {

    private final Map<String, Registration> registrations = new LinkedHashMap<>();
    private final RoutingTable routing;

    TechnologyRegistry(List<Registration> registrations, RoutingTable routing) {
        registrations.forEach(r -> {
            if (this.registrations.put(r.name(), r) != null) {
                throw new IllegalArgumentException("technology registered twice: " + r.name());
            }
        });
        this.routing = routing;
    }

    List<Registration> all() {
        return List.copyOf(registrations.values());
    }

    Optional<Registration> byName(String name) {
        return Optional.ofNullable(registrations.get(name));
    }

    /** The readiness of each enabled technology of {@code registrations}, by name. Never throws. */
    static Map<String, Readiness> readiness(List<Registration> registrations) {
        Map<String, Readiness> result = new LinkedHashMap<>();
        for (Registration registration : registrations) {
            registration.technology().ifPresent(technology -> result.put(registration.name(), readiness(technology)));
        }
        return result;
    }

    private static Readiness readiness(Technology<?> technology) {
        try {
            return technology.readiness();
        } catch (RuntimeException e) {
            return Readiness.notReady("readiness check failed: " + e.getClass().getSimpleName());
        }
    }

    /** The enabled technology that handles {@code component}, or why there is none. */
    Validation<Seq<Problem>, Registration> select(Target target, Component component) {
        Optional<String> routed = routing.technologyFor(component);
        String field = component.fieldPath("infrastructureTemplateId");
        if (target.technology().isPresent()) {
            String fixed = target.technology().get();
            if (routed.isPresent() && !routed.get().equals(fixed)) {
                return Validations.invalid(Problem.of(
                        field,
                        "routes this component to the " + routed.get() + " technology, but the request was sent to"
                                + " the " + fixed + " endpoint",
                        "Send the request to /" + routed.get() + "/v1/... or to the root /v1/... endpoints."));
            }
            return enabled(fixed, field, component);
        }
        if (routed.isEmpty()) {
            return Validations.invalid(Problem.of(
                    field,
                    "is " + component.infrastructureTemplateId().orElse("missing") + " (useCaseTemplateId "
                            + component.useCaseTemplateId().orElse("missing")
                            + "), which no technology in meshprov's routing table handles",
                    "Use a template of a supported technology: " + routing.describe()
                            + "; or add the template ids to the routing section of the configuration."));
        }
        return enabled(routed.get(), field, component);
    }

    /** The enabled technology for a use case template id (reverse provisioning), or why there is none. */
    Validation<Seq<Problem>, Registration> selectForUseCase(Target target, String useCaseTemplateId) {
        Optional<String> name = target.technology().or(() -> routing.technologyForUseCase(useCaseTemplateId));
        if (name.isEmpty()) {
            return Validations.invalid(Problem.of(
                    "useCaseTemplateId",
                    "is " + useCaseTemplateId + ", which no technology in meshprov's routing table handles",
                    "Use a template of a supported technology: " + routing.describe() + "."));
        }
        return enabled(name.get(), "useCaseTemplateId", null);
    }

    private Validation<Seq<Problem>, Registration> enabled(String name, String field, Component component) {
        Registration registration = registrations.get(name);
        if (registration == null) {
            return Validations.invalid(Problem.of(
                    field,
                    "routes to the " + name + " technology, which is not part of this meshprov build",
                    "Add the meshprov-" + name + "-adapter module to the build, or route the template to one of: "
                            + String.join(", ", registrations.keySet()) + "."));
        }
        if (!registration.isEnabled()) {
            // fixed in the configuration, not in the request: the problem is located at the key that enables it
            return Validations.invalid(Problem.of(
                    name + ".enabled",
                    (component == null ? "the request's " + field : "the component " + component.id())
                            + " routes to the " + registration.descriptor().displayName() + " technology (" + name
                            + "), which is not enabled in the configuration",
                    registration.descriptor().enableHint()));
        }
        if (component != null) {
            Optional<String> kind = component.kind();
            if (kind.isPresent() && !registration.descriptor().componentKinds().contains(kind.get())) {
                return Validations.invalid(Problem.of(
                        component.fieldPath("kind"),
                        "is " + kind.get() + ", but the " + name + " technology provisions "
                                + String.join(" or ", registration.descriptor().componentKinds()) + " components",
                        "Send a component of kind "
                                + String.join(" or ", registration.descriptor().componentKinds())
                                + ", or check componentIdToProvision."));
            }
        }
        return Validations.valid(registration);
    }
}
