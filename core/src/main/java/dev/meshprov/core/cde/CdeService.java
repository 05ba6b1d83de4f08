package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;

/**
 * A CDE service as the CDP control plane reports it.
 *
 * @param name the service name
 * @param clusterId the service's cluster id
 * @param status the CDP status, e.g. {@code ClusterCreationCompleted}
 * @param clusterFqdn the host of the service (for the Knox token endpoint); known for running services
 * @param environmentName the CDP environment it runs in, when reported
 */
public record CdeService(
        String name, String clusterId, String status, Optional<String> clusterFqdn, Optional<String> environmentName) {

    /** The status of a service that is up. */
    public static final String RUNNING = "ClusterCreationCompleted";

    public CdeService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(clusterFqdn, "clusterFqdn");
        Objects.requireNonNull(environmentName, "environmentName");
    }

    public boolean isRunning() {
        return RUNNING.equals(status);
    }
}
