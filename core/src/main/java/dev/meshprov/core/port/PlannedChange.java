package dev.meshprov.core.port;

import java.util.Objects;

/**
 * One entry of a {@link Plan}.
 *
 * @param entity the kind of upstream entity, e.g. {@code source}, {@code job}, {@code dag}
 * @param name the entity's name or location
 * @param kind what would happen to it
 * @param detail why, e.g. which fields differ; empty when there is nothing to add
 */
public record PlannedChange(String entity, String name, ChangeKind kind, String detail) {
    public PlannedChange {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
