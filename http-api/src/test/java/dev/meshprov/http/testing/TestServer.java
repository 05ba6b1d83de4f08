package dev.meshprov.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.http.MeshprovServer;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.Bootstrap;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import io.vavr.control.Validation;
import java.util.List;
import java.util.function.Function;

/**
 * A meshprov server on a free loopback port, wired through the real bootstrap from a YAML configuration with the
 * test technologies passed explicitly, and a checked {@link ApiClient} for it.
 */
public final class TestServer implements AutoCloseable {

    /** Secret values of {@link #STANDARD_CONFIG}: no response may ever contain them. */
    public static final List<String> CANARIES = List.of("alpha-canary-7f3K9xQ2", "beta-canary-Lm4p8Zt1");

    /**
     * alpha (sync), beta (async, its upstream unreachable) and gamma (disabled), each routed by its own template
     * ids; the default body limit.
     */
    public static final String STANDARD_CONFIG =
            """
            server:
              host: 127.0.0.1
              port: 0
            tasks:
              workers: 4
              shutdownGrace: 5s
            routing:
              alpha:
                infrastructureTemplateIds: [urn:dmb:itm:alpha-provisioner]
                useCaseTemplateIds: [urn:dmb:utm:alpha-template]
              beta:
                infrastructureTemplateIds: [urn:dmb:itm:beta-provisioner]
                useCaseTemplateIds: [urn:dmb:utm:beta-template]
              gamma:
                infrastructureTemplateIds: [urn:dmb:itm:gamma-provisioner]
                useCaseTemplateIds: [urn:dmb:utm:gamma-template]
            alpha:
              password: alpha-canary-7f3K9xQ2
            beta:
              password: beta-canary-Lm4p8Zt1
              reachable: false
            """;

    private final TestControls controls;
    private final Application application;
    private final MeshprovServer server;
    private final ApiClient client;

    private TestServer(TestControls controls, Application application, List<String> canaries) {
        this.controls = controls;
        this.application = application;
        this.server = MeshprovServer.start(application);
        this.client = new ApiClient(server.port(), canaries);
    }

    /** The standard server: alpha, beta and gamma with {@link #STANDARD_CONFIG}. */
    public static TestServer standard() {
        return start(STANDARD_CONFIG, TestTechnologyProvider::standard, CANARIES);
    }

    /** A server from any configuration and providers. */
    public static TestServer start(
            String configYaml, Function<TestControls, List<TechnologyProvider>> providers, List<String> canaries) {
        TestControls controls = new TestControls();
        return start(
                configYaml, BootstrapOptions.defaults().withProviders(providers.apply(controls)), controls, canaries);
    }

    /**
     * A server from any configuration and bootstrap options, e.g. the real technology providers in a temporary
     * working directory; its {@link #controls()} steer nothing unless the options hold test technologies.
     */
    public static TestServer start(String configYaml, BootstrapOptions options, List<String> canaries) {
        return start(configYaml, options, new TestControls(), canaries);
    }

    private static TestServer start(
            String configYaml, BootstrapOptions options, TestControls controls, List<String> canaries) {
        JsonNode tree =
                SafeYaml.withDefaults().parse(configYaml, "test configuration").get();
        Validation<?, Application> application = Bootstrap.create(tree, options);
        if (application.isInvalid()) {
            throw new IllegalStateException("test configuration rejected: " + application.getError());
        }
        return new TestServer(controls, application.get(), canaries);
    }

    public ApiClient client() {
        return client;
    }

    public TestControls controls() {
        return controls;
    }

    public MeshprovServer server() {
        return server;
    }

    public Application application() {
        return application;
    }

    @Override
    public void close() {
        server.stop();
    }
}
