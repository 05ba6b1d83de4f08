package dev.meshprov.core.mwaa;

import java.util.Objects;
import java.util.Optional;

/**
 * Every key of one DAG in its bucket (see {@link DagNaming} for the formulas).
 *
 * @param bucket the bucket (ignored by a store that does not distinguish buckets)
 * @param stagingKey where the CI uploads the DAG; absent when the operation does not need it (unprovision)
 * @param dagKey where the DAG is deployed
 * @param descriptorKey the data product descriptor file next to it
 * @param legacyDagKey where the incumbent deployed the DAG before it sanitised names
 * @param dagId the DAG id in Airflow (the stem of {@code dagKey})
 * @param dagFolder the DAG folder ({@code slash(destinationPath)})
 */
public record DagKeys(
        String bucket,
        Optional<String> stagingKey,
        String dagKey,
        String descriptorKey,
        String legacyDagKey,
        String dagId,
        String dagFolder) {

    public DagKeys {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(stagingKey, "stagingKey");
        Objects.requireNonNull(dagKey, "dagKey");
        Objects.requireNonNull(descriptorKey, "descriptorKey");
        Objects.requireNonNull(legacyDagKey, "legacyDagKey");
        Objects.requireNonNull(dagId, "dagId");
        Objects.requireNonNull(dagFolder, "dagFolder");
    }

    /** The staging object; only for specs validated for provisioning. */
    public ObjectRef staging() {
        return new ObjectRef(
                bucket,
                stagingKey.orElseThrow(
                        () -> new IllegalStateException("this spec was not validated for provisioning")));
    }

    public ObjectRef dag() {
        return new ObjectRef(bucket, dagKey);
    }

    public ObjectRef descriptor() {
        return new ObjectRef(bucket, descriptorKey);
    }

    public ObjectRef legacyDag() {
        return new ObjectRef(bucket, legacyDagKey);
    }
}
