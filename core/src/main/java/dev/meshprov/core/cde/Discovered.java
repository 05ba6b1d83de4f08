package dev.meshprov.core.cde;

import java.util.Objects;

/**
 * A running service and virtual cluster, and how to reach the virtual cluster's jobs API.
 *
 * @param service the service
 * @param virtualCluster the virtual cluster
 * @param endpoint the jobs API endpoint
 */
record Discovered(CdeService service, VirtualCluster virtualCluster, VcEndpoint endpoint) {
    Discovered {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(virtualCluster, "virtualCluster");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
