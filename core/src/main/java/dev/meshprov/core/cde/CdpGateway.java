package dev.meshprov.core.cde;

import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * The CDP control plane, for discovering CDE services and virtual clusters. Implementations may cache answers
 * briefly so that one request discovers each service and virtual cluster once. A failure of the call itself
 * (credentials, network, throttling) is a {@link UpstreamFailure}, never an empty answer.
 */
public interface CdpGateway {

    /** Every CDE service that is not deleted. */
    Either<UpstreamFailure, List<CdeService>> listServices();

    /**
     * The service named {@code name}; empty when there is none. A running service comes with its
     * {@link CdeService#clusterFqdn()}.
     */
    Either<UpstreamFailure, Optional<CdeService>> findService(String name);

    /**
     * The virtual cluster named {@code name} in {@code service}; empty when there is none. A running virtual cluster
     * comes with its {@link VirtualCluster#apiUrl()}.
     */
    Either<UpstreamFailure, Optional<VirtualCluster>> findVirtualCluster(CdeService service, String name);
}
