package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import java.net.URI;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider: found by the service loader, reports every configuration problem, calls nothing upstream. */
class CdeTechnologyProviderTest {

    private final CdeHarness harness = new CdeHarness("http://127.0.0.1:1");

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void the_service_loader_finds_it_with_its_descriptor() {
        TechnologyDescriptor descriptor = ServiceLoader.load(TechnologyProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof CdeTechnologyProvider)
                .findFirst()
                .orElseThrow()
                .descriptor();

        assertThat(descriptor.name()).isEqualTo("cde");
        assertThat(descriptor.displayName()).isEqualTo("Cloudera Data Engineering");
        assertThat(descriptor.defaultMode()).isEqualTo(ExecutionMode.ASYNC);
        assertThat(descriptor.enabledByDefault()).isFalse();
        assertThat(descriptor.componentKinds()).containsExactly("workload");
        assertThat(descriptor.enableHint())
                .contains(
                        "cde.enabled: true",
                        "cde.cdp.accessKeyId",
                        "cde.cdp.privateKey",
                        "cde.workload.user",
                        "cde.workload.password",
                        "cde.cdp.region",
                        "cde.cdp.endpoint");
    }

    @Test
    void an_empty_section_names_every_missing_key() {
        var created = new CdeTechnologyProvider()
                .create(new ConfigSection("cde", LoopbackServer.JSON.createObjectNode()), harness.context());

        assertThat(created.getError())
                .extracting(Problem::field)
                .containsExactlyInAnyOrder(
                        "cde.cdp.accessKeyId", "cde.cdp.privateKey", "cde.workload.user", "cde.workload.password");
    }

    @Test
    void every_bad_value_is_reported_with_its_key() {
        ObjectNode config = harness.config();
        ((ObjectNode) config.path("cdp")).remove("endpoint");
        ((ObjectNode) config.path("cdp")).put("region", "moon");
        config.put("jobNamePolicy", "strict");
        config.put("tokenUrl", "https://knox.example/token");
        config.putObject("defaults")
                .put("driverMemory", "lots")
                .put("numExecutors", 0)
                .put("logLevel", "LOUD");
        config.putObject("retries").put("maxAttempts", 0);
        config.putObject("timeouts").put("read", "0s");
        ((ObjectNode) config.path("aws")).remove("secretAccessKey");

        var created = new CdeTechnologyProvider().create(new ConfigSection("cde", config), harness.context());

        assertThat(created.getError())
                .extracting(Problem::field)
                .contains(
                        "cde.cdp.region",
                        "cde.jobNamePolicy",
                        "cde.tokenUrl",
                        "cde.defaults.driverMemory",
                        "cde.defaults.numExecutors",
                        "cde.defaults.logLevel",
                        "cde.retries.maxAttempts",
                        "cde.timeouts.read",
                        "cde.aws.secretAccessKey");
    }

    @Test
    void an_unknown_key_is_named() {
        ObjectNode config = harness.config();
        config.put("colour", "blue");

        var created = new CdeTechnologyProvider().create(new ConfigSection("cde", config), harness.context());

        assertThat(created.getError()).extracting(Problem::field).containsExactly("cde.colour");
    }

    @Test
    void the_cdp_endpoint_follows_the_region() {
        ObjectNode config = harness.config();
        ((ObjectNode) config.path("cdp")).remove("endpoint");

        assertThat(settings(config).cdpEndpoint()).isEqualTo(URI.create("https://api.us-west-1.cdp.cloudera.com"));

        ((ObjectNode) config.path("cdp")).put("region", "eu-1");
        assertThat(settings(config).cdpEndpoint()).isEqualTo(URI.create("https://api.eu-1.cdp.cloudera.com"));
    }

    @Test
    void the_government_region_is_served_from_clouderagovt_com_as_cdpcli_resolves_it() {
        ObjectNode config = harness.config();
        ((ObjectNode) config.path("cdp")).remove("endpoint");
        ((ObjectNode) config.path("cdp")).put("region", "usg-1");

        assertThat(settings(config).cdpEndpoint()).isEqualTo(URI.create("https://api.usg-1.cdp.clouderagovt.com"));
    }

    @Test
    void an_endpoint_with_cdpclis_prefix_placeholder_gets_the_api_prefix() {
        ObjectNode config = harness.config();
        ((ObjectNode) config.path("cdp")).put("endpoint", "https://%s.cdp.example.internal");

        assertThat(settings(config).cdpEndpoint()).isEqualTo(URI.create("https://api.cdp.example.internal"));
    }

    @Test
    void creating_the_technology_calls_nothing_upstream() {
        harness.technology();

        assertThat(harness.cdp.calls("listServices")).isZero();
        assertThat(harness.cde.requests()).isZero();
        assertThat(harness.cde.tokensIssued()).isZero();
        assertThat(harness.observer.calls()).isEmpty();
    }

    private AdapterSettings settings(ObjectNode config) {
        return AdapterSettings.from(
                        new ConfigSection("cde", config).bind(CdeConfig.class).get(), "cde")
                .get();
    }
}
