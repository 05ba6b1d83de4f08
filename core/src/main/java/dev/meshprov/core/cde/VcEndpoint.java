package dev.meshprov.core.cde;

import java.util.Objects;

/**
 * How to reach the jobs API of one running virtual cluster.
 *
 * @param clusterId the service's cluster id (tokens are cached per service)
 * @param clusterFqdn the service host, where the Knox token endpoint is
 * @param vcId the virtual cluster id
 * @param apiUrl the jobs API base URL, e.g. {@code https://<vc>.cde-<id>.<env>.cloudera.site/dex/api/v1}
 */
public record VcEndpoint(String clusterId, String clusterFqdn, String vcId, String apiUrl) {
    public VcEndpoint {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(clusterFqdn, "clusterFqdn");
        Objects.requireNonNull(vcId, "vcId");
        Objects.requireNonNull(apiUrl, "apiUrl");
    }
}
