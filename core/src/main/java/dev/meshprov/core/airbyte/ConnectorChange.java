package dev.meshprov.core.airbyte;

import dev.meshprov.core.port.ChangeKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What provisioning does to a source or destination.
 *
 * @param kind create, update or unchanged
 * @param observed the entity found, if any
 * @param patch the fields to change, for an update
 * @param differences what differs, by field name (never values)
 */
record ConnectorChange(ChangeKind kind, Optional<Connector> observed, ConnectorPatch patch, List<String> differences) {
    ConnectorChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(patch, "patch");
        differences = List.copyOf(differences);
    }

    /** Why, for a plan or a log. */
    String detail() {
        return switch (kind) {
            case CREATE -> "not found in the workspace";
            case UPDATE -> "differs in " + String.join(", ", differences);
            default -> "up to date";
        };
    }
}
