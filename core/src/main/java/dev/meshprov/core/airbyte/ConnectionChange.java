package dev.meshprov.core.airbyte;

import dev.meshprov.core.port.ChangeKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What provisioning does to the connection.
 *
 * @param kind create, update, replace or unchanged
 * @param observed the connection found, if any
 * @param patch the fields to change, for an update
 * @param differences what differs, e.g. {@code schedule: manual -> cron 0 0 6 * * ? UTC}
 */
record ConnectionChange(
        ChangeKind kind, Optional<Connection> observed, ConnectionPatch patch, List<String> differences) {
    ConnectionChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(patch, "patch");
        differences = List.copyOf(differences);
    }

    /** Why, for a plan or a log. */
    String detail() {
        return switch (kind) {
            case CREATE -> "not found in the workspace";
            case UPDATE -> String.join("; ", differences);
            case REPLACE -> String.join("; ", differences) + "; Airbyte cannot move a connection, so it is replaced";
            default -> "up to date";
        };
    }
}
