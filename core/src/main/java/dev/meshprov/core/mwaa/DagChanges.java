package dev.meshprov.core.mwaa;

import dev.meshprov.core.port.ChangeKind;
import java.util.Objects;
import java.util.Optional;

/**
 * What provisioning does to each file of one DAG, in the order it does it.
 *
 * @param descriptor the data product descriptor file: create, update or unchanged
 * @param dag the DAG file: create, update or unchanged
 * @param legacyDag the pre-2025 dotted DAG file, when it exists: delete, or unchanged when cleanup is off
 */
public record DagChanges(Change descriptor, Change dag, Optional<Change> legacyDag) {

    public DagChanges {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(dag, "dag");
        Objects.requireNonNull(legacyDag, "legacyDag");
    }

    /**
     * One change.
     *
     * @param kind what happens
     * @param detail why, for plans and logs
     */
    public record Change(ChangeKind kind, String detail) {
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }

        /** Whether the store is written to (or deleted from). */
        public boolean changes() {
            return kind != ChangeKind.UNCHANGED;
        }
    }
}
