package dev.meshprov.core.mwaa;

import dev.meshprov.core.port.Operation;
import io.vavr.Lazy;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated Airflow component, ready to act on. Only {@link MwaaTechnology#validate} creates one; a spec validated
 * for unprovisioning has no staging key and cannot be provisioned.
 */
public final class MwaaSpec {

    private final ResolvedDag dag;
    /** Rendered when a provisioning first needs it: validating never pays for the YAML rendering. */
    private final Lazy<DescriptorFile> descriptorFile;

    private final boolean removeData;
    private final Operation validatedFor;
    private final Optional<String> previousDeployedAt;

    MwaaSpec(
            ResolvedDag dag,
            Lazy<DescriptorFile> descriptorFile,
            boolean removeData,
            Operation validatedFor,
            Optional<String> previousDeployedAt) {
        this.dag = Objects.requireNonNull(dag, "dag");
        this.descriptorFile = Objects.requireNonNull(descriptorFile, "descriptorFile");
        this.removeData = removeData;
        this.validatedFor = Objects.requireNonNull(validatedFor, "validatedFor");
        this.previousDeployedAt = Objects.requireNonNull(previousDeployedAt, "previousDeployedAt");
    }

    /** The DAG with the configuration applied. */
    public ResolvedDag dag() {
        return dag;
    }

    public DagKeys keys() {
        return dag.keys();
    }

    DescriptorFile descriptorFile() {
        return descriptorFile.get();
    }

    public boolean removeData() {
        return removeData;
    }

    /** The operation this spec was validated for. */
    public Operation validatedFor() {
        return validatedFor;
    }

    /** When the previous run last copied the DAG, from {@code info.privateInfo.deployedAt}. */
    Optional<String> previousDeployedAt() {
        return previousDeployedAt;
    }

    @Override
    public String toString() {
        return "MwaaSpec[" + dag.componentId() + " -> " + dag.keys().dagKey() + "]";
    }
}
