package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;

/**
 * A CDE virtual cluster as the CDP control plane reports it.
 *
 * @param vcId the virtual cluster id
 * @param name the virtual cluster name
 * @param clusterId the id of the service it belongs to
 * @param status the CDP status, e.g. {@code AppInstalled}
 * @param apiUrl the base URL of its jobs API ({@code .../dex/api/v1}); known for running virtual clusters
 * @param uiUrl the base URL of its UI, when reported
 */
public record VirtualCluster(
        String vcId, String name, String clusterId, String status, Optional<String> apiUrl, Optional<String> uiUrl) {

    /** The status of a virtual cluster that is up. */
    public static final String RUNNING = "AppInstalled";

    public VirtualCluster {
        Objects.requireNonNull(vcId, "vcId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(uiUrl, "uiUrl");
    }

    public boolean isRunning() {
        return RUNNING.equals(status);
    }
}
