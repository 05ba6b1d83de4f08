package dev.meshprov.core.service;

import java.util.Objects;
import java.util.Set;

/**
 * The template ids that send a component to one technology. Versions are ignored on both sides.
 *
 * @param technology the technology's name
 * @param infrastructureTemplateIds matched first
 * @param useCaseTemplateIds matched when no infrastructure template id matches
 */
public record Route(String technology, Set<String> infrastructureTemplateIds, Set<String> useCaseTemplateIds) {
    public Route {
        Objects.requireNonNull(technology, "technology");
        infrastructureTemplateIds = Set.copyOf(infrastructureTemplateIds);
        useCaseTemplateIds = Set.copyOf(useCaseTemplateIds);
    }
}
