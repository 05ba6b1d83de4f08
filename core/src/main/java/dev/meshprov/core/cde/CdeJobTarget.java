package dev.meshprov.core.cde;

import java.util.Objects;

/**
 * Where the job lives and what it is called: all that unprovisioning needs.
 *
 * @param serviceName the CDE service
 * @param virtualClusterName the virtual cluster in that service
 * @param jobName the job
 */
public record CdeJobTarget(String serviceName, String virtualClusterName, String jobName) {
    public CdeJobTarget {
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(virtualClusterName, "virtualClusterName");
        Objects.requireNonNull(jobName, "jobName");
    }

    /** The {@code files} resource of the job. */
    public String filesResource() {
        return ResourceNames.files(jobName);
    }

    /** The {@code python-env} resource of the job, if it has one. */
    public String pythonEnvResource() {
        return ResourceNames.pythonEnv(jobName);
    }
}
