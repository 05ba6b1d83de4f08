package dev.meshprov.core.cde;

import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Finds the running service and virtual cluster of a job through the {@link CdpGateway}: {@code Left} when the CDP
 * API failed, {@code Right(Left)} when the service or virtual cluster is not found or not running, and
 * {@code Right(Right)} with the jobs API endpoint otherwise.
 */
final class Discovery {

    /** The fix of a problem that could not be checked because the CDP API failed. */
    static final String CDP_FIX =
            "Check the CDP API endpoint, the access key (cde.cdp.accessKeyId, cde.cdp.privateKey) and the network,"
                    + " then retry.";

    private static final String SYSTEM = "CDP";

    private final CdpGateway cdp;

    Discovery(CdpGateway cdp) {
        this.cdp = cdp;
    }

    Either<UpstreamFailure, Either<Unusable, Discovered>> discover(String serviceName, String virtualClusterName) {
        return cdp.findService(serviceName).flatMap(found -> {
            if (found.isEmpty()) {
                return Either.right(Either.left(new Unusable(
                        Unusable.Part.SERVICE,
                        "CDE Service not found: there is no CDE service named '" + serviceName + "'",
                        "Set specific.cdeService to the name of an existing CDE service.")));
            }
            CdeService service = found.get();
            if (!service.isRunning()) {
                return Either.right(Either.left(new Unusable(
                        Unusable.Part.SERVICE,
                        "CDE Service exists but is not running: '" + serviceName + "' has status " + service.status()
                                + " (expected " + CdeService.RUNNING + ")",
                        "Start the CDE service, or wait until it is running, then retry.")));
            }
            return cdp.findVirtualCluster(service, virtualClusterName)
                    .flatMap(vc -> virtualCluster(service, virtualClusterName, vc));
        });
    }

    private static Either<UpstreamFailure, Either<Unusable, Discovered>> virtualCluster(
            CdeService service, String name, Optional<VirtualCluster> found) {
        if (found.isEmpty()) {
            return Either.right(Either.left(new Unusable(
                    Unusable.Part.VIRTUAL_CLUSTER,
                    "CDE Virtual Cluster not found: the CDE service '" + service.name()
                            + "' has no virtual cluster named '" + name + "'",
                    "Set specific.cdeCluster to the name of a virtual cluster of the service '" + service.name()
                            + "'.")));
        }
        VirtualCluster vc = found.get();
        if (!vc.isRunning()) {
            return Either.right(Either.left(new Unusable(
                    Unusable.Part.VIRTUAL_CLUSTER,
                    "CDE Virtual Cluster exists but is not properly activated: '" + name + "' has status " + vc.status()
                            + " (expected " + VirtualCluster.RUNNING + ")",
                    "Activate the virtual cluster, or wait until it is running, then retry.")));
        }
        if (service.clusterFqdn().isEmpty()) {
            return Either.left(new UpstreamFailure.Malformed(
                    SYSTEM, "describeService", "the running service '" + service.name() + "' has no clusterFqdn"));
        }
        if (vc.apiUrl().isEmpty()) {
            return Either.left(new UpstreamFailure.Malformed(
                    SYSTEM, "describeVc", "the running virtual cluster '" + name + "' has no vcApiUrl"));
        }
        VcEndpoint endpoint = new VcEndpoint(
                service.clusterId(),
                service.clusterFqdn().get(),
                vc.vcId(),
                vc.apiUrl().get());
        return Either.right(Either.right(new Discovered(service, vc, endpoint)));
    }

    /** The discovery as a plain outcome for operations that cannot go on without the virtual cluster. */
    Either<UpstreamFailure, Discovered> require(String serviceName, String virtualClusterName) {
        return discover(serviceName, virtualClusterName)
                .flatMap(outcome -> outcome.fold(
                        unusable -> Either.left(
                                new UpstreamFailure.NotFound(SYSTEM, "service discovery", unusable.reason())),
                        Either::right));
    }
}
