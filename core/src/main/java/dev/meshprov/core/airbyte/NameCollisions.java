package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.ProblemList;
import java.util.List;
import java.util.Optional;

/**
 * No two components of one data product may declare the same Airbyte entity name: both would find, change and
 * delete the same entity.
 */
final class NameCollisions {

    private static final List<String> SECTIONS = List.of("source", "destination", "connection");

    private NameCollisions() {}

    static void check(ComponentRequest request, ProblemList problems) {
        Component self = request.component();
        for (String section : SECTIONS) {
            Optional<String> name = Descriptors.text(self.specific().path(section), "name");
            if (name.isEmpty()) {
                continue;
            }
            for (Component other : request.dataProduct().components()) {
                if (other.id().equals(self.id())) {
                    continue;
                }
                Optional<String> otherName = Descriptors.text(other.specific().path(section), "name");
                if (otherName.equals(name)) {
                    problems.add(Problem.of(
                            self.fieldPath("specific." + section + ".name"),
                            "is '" + name.get() + "', which component " + other.id() + " also uses as its " + section
                                    + " name; both would manage the same Airbyte " + section,
                            "Give each component its own " + section + " name, e.g. prefixed with the component"
                                    + " name."));
                }
            }
        }
    }
}
