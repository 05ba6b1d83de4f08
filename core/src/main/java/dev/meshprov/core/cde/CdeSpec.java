package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;

/**
 * A CDE component that passed validation: only {@link CdeTechnology#validate} creates one. For unprovision and
 * updateacl only the target is validated, so the workload is absent.
 */
public final class CdeSpec {

    private final String componentId;
    private final CdeJobTarget target;
    private final Optional<CdeWorkload> workload;
    private final RecordedState recorded;

    CdeSpec(String componentId, CdeJobTarget target, Optional<CdeWorkload> workload, RecordedState recorded) {
        this.componentId = Objects.requireNonNull(componentId, "componentId");
        this.target = Objects.requireNonNull(target, "target");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.recorded = Objects.requireNonNull(recorded, "recorded");
    }

    public String componentId() {
        return componentId;
    }

    public CdeJobTarget target() {
        return target;
    }

    /** What the job runs; present when validated for validate, provision or plan. */
    public Optional<CdeWorkload> workload() {
        return workload;
    }

    /** What the previous provisioning recorded. */
    public RecordedState recorded() {
        return recorded;
    }

    /** The workload, which a spec validated for provisioning always has. */
    CdeWorkload requireWorkload() {
        return workload.orElseThrow(() -> new IllegalStateException(
                "a spec validated for unprovision or updateacl cannot be provisioned: " + componentId));
    }

    @Override
    public String toString() {
        return "CdeSpec[" + componentId + ", " + target + "]";
    }
}
