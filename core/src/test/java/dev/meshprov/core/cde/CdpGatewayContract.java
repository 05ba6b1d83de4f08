package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CdpGateway} does, run against the in-memory fake (core) and the real adapter with its local
 * CDP server (adapter). Each test names its own services, so implementations may keep state between tests.
 */
public abstract class CdpGatewayContract {

    /** The gateway under test. */
    protected abstract CdpGateway gateway();

    /** Makes a CDE service named {@code name} exist with {@code status}. */
    protected abstract void givenService(String name, String status);

    /** Makes a virtual cluster exist in the service named {@code serviceName}. */
    protected abstract void givenVirtualCluster(String serviceName, String name, String status);

    @Test
    public void an_unknown_service_is_empty_not_a_failure() {
        assertThat(gateway().findService("no-such-service").get()).isEmpty();
    }

    @Test
    public void a_running_service_comes_with_its_host() {
        givenService("contract-running", CdeService.RUNNING);

        CdeService service = gateway().findService("contract-running").get().orElseThrow();

        assertThat(service.name()).isEqualTo("contract-running");
        assertThat(service.isRunning()).isTrue();
        assertThat(service.clusterId()).isNotBlank();
        assertThat(service.clusterFqdn()).isPresent();
    }

    @Test
    public void a_service_that_is_not_running_is_found_with_its_status() {
        givenService("contract-stopped", "ClusterDeletionInProgress");

        Optional<CdeService> service = gateway().findService("contract-stopped").get();

        assertThat(service).hasValueSatisfying(s -> {
            assertThat(s.isRunning()).isFalse();
            assertThat(s.status()).isEqualTo("ClusterDeletionInProgress");
        });
    }

    @Test
    public void list_services_includes_every_service() {
        givenService("contract-listed", CdeService.RUNNING);

        assertThat(gateway().listServices().get()).extracting(CdeService::name).contains("contract-listed");
    }

    @Test
    public void a_running_virtual_cluster_comes_with_its_api_url() {
        givenService("contract-vcs", CdeService.RUNNING);
        givenVirtualCluster("contract-vcs", "vc-running", VirtualCluster.RUNNING);
        CdeService service = gateway().findService("contract-vcs").get().orElseThrow();

        VirtualCluster vc =
                gateway().findVirtualCluster(service, "vc-running").get().orElseThrow();

        assertThat(vc.name()).isEqualTo("vc-running");
        assertThat(vc.isRunning()).isTrue();
        assertThat(vc.vcId()).isNotBlank();
        assertThat(vc.apiUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("http"));
    }

    @Test
    public void a_virtual_cluster_that_is_not_running_is_found_with_its_status() {
        givenService("contract-vc-stopped", CdeService.RUNNING);
        givenVirtualCluster("contract-vc-stopped", "vc-starting", "AppInstalling");
        CdeService service = gateway().findService("contract-vc-stopped").get().orElseThrow();

        Optional<VirtualCluster> vc =
                gateway().findVirtualCluster(service, "vc-starting").get();

        assertThat(vc).hasValueSatisfying(v -> assertThat(v.status()).isEqualTo("AppInstalling"));
    }

    @Test
    public void a_running_virtual_cluster_reports_its_ui_url() {
        givenService("contract-vc-ui", CdeService.RUNNING);
        givenVirtualCluster("contract-vc-ui", "vc-ui", VirtualCluster.RUNNING);
        CdeService service = gateway().findService("contract-vc-ui").get().orElseThrow();

        VirtualCluster vc = gateway().findVirtualCluster(service, "vc-ui").get().orElseThrow();

        assertThat(vc.uiUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("http"));
    }

    @Test
    public void services_and_virtual_clusters_are_found_by_their_exact_name() {
        givenService("contract-exact", CdeService.RUNNING);
        givenVirtualCluster("contract-exact", "vc-exact", VirtualCluster.RUNNING);
        CdeService service = gateway().findService("contract-exact").get().orElseThrow();

        assertThat(gateway().findService("contract-exac").get()).isEmpty();
        assertThat(gateway().findService("contract-exact-2").get()).isEmpty();
        assertThat(gateway().findVirtualCluster(service, "vc-exac").get()).isEmpty();
    }

    @Test
    public void an_unknown_virtual_cluster_is_empty_not_a_failure() {
        givenService("contract-vc-missing", CdeService.RUNNING);
        CdeService service = gateway().findService("contract-vc-missing").get().orElseThrow();

        assertThat(gateway().findVirtualCluster(service, "no-such-vc").get()).isEmpty();
    }
}
