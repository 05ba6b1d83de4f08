package dev.meshprov.core.cde.testing;

import dev.meshprov.core.cde.CdeService;
import dev.meshprov.core.cde.CdpGateway;
import dev.meshprov.core.cde.VirtualCluster;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A CDP control plane in memory: services and virtual clusters, with call counters and failure injection. */
public final class InMemoryCdpGateway implements CdpGateway {

    private final List<CdeService> services = new ArrayList<>();
    private final List<VirtualCluster> virtualClusters = new ArrayList<>();
    private final AtomicInteger serviceLookups = new AtomicInteger();
    private final AtomicInteger virtualClusterLookups = new AtomicInteger();
    private volatile UpstreamFailure failure;

    /** Adds a service; running services get the host {@code <name>.cde.example}. */
    public synchronized CdeService addService(String name, String status) {
        CdeService service = new CdeService(
                name,
                "cluster-" + name,
                status,
                CdeService.RUNNING.equals(status) ? Optional.of(name + ".cde.example") : Optional.empty(),
                Optional.of("env-" + name));
        services.add(service);
        return service;
    }

    /** Adds a virtual cluster to the service named {@code serviceName}. */
    public synchronized VirtualCluster addVirtualCluster(String serviceName, String name, String status) {
        CdeService service = services.stream()
                .filter(s -> s.name().equals(serviceName))
                .findFirst()
                .orElseThrow();
        boolean running = VirtualCluster.RUNNING.equals(status);
        String host = "https://" + name + "." + service.clusterId() + ".cde.example";
        VirtualCluster vc = new VirtualCluster(
                "vc-" + name,
                name,
                service.clusterId(),
                status,
                running ? Optional.of(host + "/dex/api/v1") : Optional.empty(),
                Optional.of(host + "/dex/ui/"));
        virtualClusters.add(vc);
        return vc;
    }

    /** Removes a service (and its virtual clusters). */
    public synchronized void removeService(String name) {
        services.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(service -> {
            services.remove(service);
            virtualClusters.removeIf(vc -> vc.clusterId().equals(service.clusterId()));
        });
    }

    /** Makes every call fail with {@code failure} ({@code null} to stop). */
    public void failWith(UpstreamFailure failure) {
        this.failure = failure;
    }

    public int serviceLookups() {
        return serviceLookups.get();
    }

    public int virtualClusterLookups() {
        return virtualClusterLookups.get();
    }

    @Override
    public synchronized Either<UpstreamFailure, List<CdeService>> listServices() {
        serviceLookups.incrementAndGet();
        return failure != null ? Either.left(failure) : Either.right(List.copyOf(services));
    }

    @Override
    public synchronized Either<UpstreamFailure, Optional<CdeService>> findService(String name) {
        serviceLookups.incrementAndGet();
        if (failure != null) {
            return Either.left(failure);
        }
        return Either.right(services.stream().filter(s -> s.name().equals(name)).findFirst());
    }

    @Override
    public synchronized Either<UpstreamFailure, Optional<VirtualCluster>> findVirtualCluster(
            CdeService service, String name) {
        virtualClusterLookups.incrementAndGet();
        if (failure != null) {
            return Either.left(failure);
        }
        return Either.right(virtualClusters.stream()
                .filter(vc ->
                        vc.clusterId().equals(service.clusterId()) && vc.name().equals(name))
                .findFirst());
    }
}
