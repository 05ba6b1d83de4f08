package dev.meshprov.core.cde;

import java.util.Objects;

/**
 * How the CDE technology applies its rules, from the configuration.
 *
 * @param jobNamePolicy whether {@code jobName} must equal the derived name
 * @param defaults the Spark settings of jobs that leave them out
 * @param allowPython2 whether {@code pythonVersion: python2} is accepted
 * @param runOnProvision whether provisioning runs the job once (a descriptor's {@code runOnProvision} wins)
 */
public record CdeSettings(
        JobNamePolicy jobNamePolicy, CdeDefaults defaults, boolean allowPython2, boolean runOnProvision) {
    public CdeSettings {
        Objects.requireNonNull(jobNamePolicy, "jobNamePolicy");
        Objects.requireNonNull(defaults, "defaults");
    }

    /** The incumbent's behaviour: derived names, standard defaults, python3 only, no run on provision. */
    public static CdeSettings standard() {
        return new CdeSettings(JobNamePolicy.DERIVED, CdeDefaults.standard(), false, false);
    }
}
