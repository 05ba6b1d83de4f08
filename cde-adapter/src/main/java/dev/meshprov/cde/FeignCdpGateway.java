package dev.meshprov.cde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.core.cde.CdeService;
import dev.meshprov.core.cde.CdpGateway;
import dev.meshprov.core.cde.VirtualCluster;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.UpstreamFailure;
import feign.Response;
import io.vavr.control.Either;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CDP control plane through Feign: lists and describes CDE services and virtual clusters, with every answer
 * cached briefly (see {@link TtlCache}). All CDP calls are read-only, so all are retried when that may help.
 */
final class FeignCdpGateway implements CdpGateway {

    static final String SYSTEM = "CDP";
    private static final String LIST_SERVICES = "POST /api/v1/de/listServices";
    private static final String DESCRIBE_SERVICE = "POST /api/v1/de/describeService";
    private static final String LIST_VCS = "POST /api/v1/de/listVcs";
    private static final String DESCRIBE_VC = "POST /api/v1/de/describeVc";

    private final CdpApi api;
    private final UpstreamCalls calls;
    private final HttpFailures failures;
    private final ObjectMapper json;
    private final TtlCache<List<CdeService>> services;
    private final TtlCache<Optional<String>> serviceHosts;
    private final TtlCache<List<VirtualCluster>> virtualClusters;
    private final TtlCache<VirtualCluster> described;

    FeignCdpGateway(
            CdpApi api, UpstreamCalls calls, HttpFailures failures, ObjectMapper json, Duration ttl, Clock clock) {
        this.api = api;
        this.calls = calls;
        this.failures = failures;
        this.json = json;
        this.services = new TtlCache<>(ttl, clock);
        this.serviceHosts = new TtlCache<>(ttl, clock);
        this.virtualClusters = new TtlCache<>(ttl, clock);
        this.described = new TtlCache<>(ttl, clock);
    }

    @Override
    public Either<UpstreamFailure, List<CdeService>> listServices() {
        return services.get("services", () -> post(LIST_SERVICES, () -> api.listServices(Map.of("removeDeleted", true)))
                .map(body -> {
                    List<CdeService> list = new ArrayList<>();
                    body.path("services").forEach(node -> service(node).ifPresent(list::add));
                    return list;
                }));
    }

    @Override
    public Either<UpstreamFailure, Optional<CdeService>> findService(String name) {
        return listServices().flatMap(list -> {
            Optional<CdeService> found =
                    list.stream().filter(s -> s.name().equals(name)).max(Comparator.comparing(CdeService::isRunning));
            if (found.isEmpty()
                    || !found.get().isRunning()
                    || found.get().clusterFqdn().isPresent()) {
                return Either.right(found);
            }
            CdeService service = found.get();
            return serviceHosts
                    .get(service.clusterId(), () -> post(
                                    DESCRIBE_SERVICE,
                                    () -> api.describeService(Map.of("clusterId", service.clusterId())))
                            .map(body -> Descriptors.text(body.path("service"), "clusterFqdn")))
                    .map(host -> Optional.of(new CdeService(
                            service.name(), service.clusterId(), service.status(), host, service.environmentName())));
        });
    }

    @Override
    public Either<UpstreamFailure, Optional<VirtualCluster>> findVirtualCluster(CdeService service, String name) {
        String clusterId = service.clusterId();
        return virtualClusters
                .get(clusterId, () -> post(LIST_VCS, () -> api.listVcs(Map.of("clusterId", clusterId)))
                        .map(body -> {
                            List<VirtualCluster> list = new ArrayList<>();
                            body.path("vcs").forEach(node -> virtualCluster(node, clusterId)
                                    .ifPresent(list::add));
                            return list;
                        }))
                .flatMap(list -> {
                    Optional<VirtualCluster> found = list.stream()
                            .filter(vc -> vc.name().equals(name))
                            .max(Comparator.comparing(VirtualCluster::isRunning));
                    if (found.isEmpty()
                            || !found.get().isRunning()
                            || found.get().apiUrl().isPresent()) {
                        return Either.right(found);
                    }
                    VirtualCluster summary = found.get();
                    return described
                            .get(clusterId + "/" + summary.vcId(), () -> post(
                                            DESCRIBE_VC,
                                            () -> api.describeVc(
                                                    Map.of("clusterId", clusterId, "vcId", summary.vcId())))
                                    .map(body -> virtualCluster(body.path("vc"), clusterId)
                                            .map(vc -> merge(summary, vc))
                                            .orElse(summary)))
                            .map(Optional::of);
                });
    }

    private static VirtualCluster merge(VirtualCluster summary, VirtualCluster detail) {
        return new VirtualCluster(
                summary.vcId(),
                summary.name(),
                summary.clusterId(),
                detail.status(),
                detail.apiUrl().or(summary::apiUrl),
                detail.uiUrl().or(summary::uiUrl));
    }

    private Either<UpstreamFailure, JsonNode> post(String operation, Supplier<Response> call) {
        return calls.call(
                        SYSTEM,
                        operation,
                        operation.substring(operation.indexOf(' ') + 1),
                        true,
                        () -> failures.feign(operation, call))
                .flatMap(answer -> {
                    if (!answer.ok()) {
                        return Either.left(failures.failure(operation, answer));
                    }
                    try {
                        JsonNode body = json.readTree(answer.body());
                        return body != null && body.isObject()
                                ? Either.right(body)
                                : Either.left(failures.malformed(operation, "the answer is not a JSON object"));
                    } catch (IOException e) {
                        return Either.left(failures.malformed(operation, "the answer is not JSON: " + e.getMessage()));
                    }
                });
    }

    private static Optional<CdeService> service(JsonNode node) {
        Optional<String> name = Descriptors.text(node, "name");
        Optional<String> clusterId = Descriptors.text(node, "clusterId");
        if (name.isEmpty() || clusterId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CdeService(
                name.get(),
                clusterId.get(),
                Descriptors.text(node, "status").orElse("Unknown"),
                Descriptors.text(node, "clusterFqdn"),
                Descriptors.text(node, "environmentName")));
    }

    private static Optional<VirtualCluster> virtualCluster(JsonNode node, String clusterId) {
        Optional<String> id = Descriptors.text(node, "vcId");
        Optional<String> name = Descriptors.text(node, "vcName");
        if (id.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VirtualCluster(
                id.get(),
                name.get(),
                Descriptors.text(node, "clusterId").orElse(clusterId),
                Descriptors.text(node, "status").orElse("Unknown"),
                Descriptors.text(node, "vcApiUrl"),
                Descriptors.text(node, "VcUiUrl").or(() -> Descriptors.text(node, "vcUiUrl"))));
    }
}
