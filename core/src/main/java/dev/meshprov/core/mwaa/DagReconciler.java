package dev.meshprov.core.mwaa;

import dev.meshprov.core.mwaa.DagChanges.Change;
import dev.meshprov.core.port.ChangeKind;
import java.util.Optional;

/**
 * Decides what provisioning does, from what is desired and what the store holds; a pure function, which is also
 * what {@code plan} shows.
 *
 * <ul>
 *   <li>DAG file: created when missing; unchanged when it was deployed from the staging object's current ETag
 *       (recorded as its origin, or its own ETag for files copied by other tools); else updated.
 *   <li>Descriptor file: created when missing; unchanged when its recorded origin is the new content's hash; else
 *       updated.
 *   <li>Pre-2025 dotted DAG file: deleted when it exists (Airflow would run it as a second DAG), unless
 *       {@code mwaa.legacyDottedNames.cleanup} is off.
 * </ul>
 */
public final class DagReconciler {

    private DagReconciler() {}

    public static DagChanges reconcile(ObservedDag observed, String descriptorHash, boolean legacyCleanup) {
        return new DagChanges(
                descriptor(observed.descriptor(), descriptorHash),
                dag(observed.staging(), observed.dag()),
                observed.legacyDag().map(legacy -> legacy(legacyCleanup)));
    }

    private static Change dag(StoredObject staging, Optional<StoredObject> deployed) {
        if (deployed.isEmpty()) {
            return new Change(ChangeKind.CREATE, "copy from the staging file (" + staging.describe() + ")");
        }
        String from = deployed.get().deployedFrom();
        if (from.equals(staging.etag())) {
            return new Change(ChangeKind.UNCHANGED, "already deployed from the staging file's ETag " + from);
        }
        return new Change(
                ChangeKind.UPDATE,
                "the staging file changed (" + staging.describe() + "; deployed from ETag " + from + ")");
    }

    private static Change descriptor(Optional<StoredObject> existing, String hash) {
        if (existing.isEmpty()) {
            return new Change(ChangeKind.CREATE, "write the data product descriptor");
        }
        if (existing.get().deployedFrom().equals(hash)) {
            return new Change(ChangeKind.UNCHANGED, "same content");
        }
        return new Change(ChangeKind.UPDATE, "the data product descriptor changed");
    }

    private static Change legacy(boolean cleanup) {
        return cleanup
                ? new Change(ChangeKind.DELETE, "pre-2025 dotted name of the same DAG; Airflow would run both DAG ids")
                : new Change(
                        ChangeKind.UNCHANGED,
                        "kept because mwaa.legacyDottedNames.cleanup is false; Airflow runs it as a second DAG");
    }
}
