package dev.meshprov.core.cde;

import java.util.Objects;

/**
 * What the job runs and how: the part of the spec that provisioning needs beyond the target.
 *
 * @param application the application shape
 * @param config the Spark settings with defaults applied
 * @param runOnProvision whether provisioning runs the job once
 */
public record CdeWorkload(SparkApplication application, JobConfig config, boolean runOnProvision) {
    public CdeWorkload {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(config, "config");
    }
}
