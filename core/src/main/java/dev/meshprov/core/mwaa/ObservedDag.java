package dev.meshprov.core.mwaa;

import java.util.Objects;
import java.util.Optional;

/**
 * What the store holds for one DAG right now.
 *
 * @param staging the staging object the CI uploaded
 * @param dag the deployed DAG file, if any
 * @param descriptor the data product descriptor file, if any
 * @param legacyDag the DAG under its pre-2025 dotted key, if any
 */
public record ObservedDag(
        StoredObject staging,
        Optional<StoredObject> dag,
        Optional<StoredObject> descriptor,
        Optional<StoredObject> legacyDag) {
    public ObservedDag {
        Objects.requireNonNull(staging, "staging");
        Objects.requireNonNull(dag, "dag");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(legacyDag, "legacyDag");
    }
}
