package dev.meshprov.http.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.http.MeshprovServer;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.Bootstrap;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.TestControls;
import dev.meshprov.http.testing.TestTechnologyProvider;
import io.vavr.control.Validation;
import java.util.List;

/**
 * One meshprov replica: the real bootstrap and HTTP server on a free loopback port, with the test technologies
 * steered by controls that several replicas may share (one ordered record of what every replica did).
 */
final class Replica implements AutoCloseable {

    /** Secrets of {@link #config}: no response may contain them. */
    static final List<String> CANARIES = List.of("alpha-canary-Jd8w", "beta-canary-Rq2m", "db-canary-Vp5t");

    private final Application application;
    private final MeshprovServer server;
    private final ApiClient client;

    private Replica(Application application) {
        this.application = application;
        this.server = MeshprovServer.start(application);
        this.client = new ApiClient(server.port(), CANARIES);
    }

    /** A configuration keeping tasks in the database at {@code jdbcUrl}, with a short heartbeat and lease. */
    static String config(String jdbcUrl, String shutdownGrace) {
        return """
                server: {host: 127.0.0.1, port: 0}
                tasks:
                  store: jdbc
                  jdbcUrl: "%s"
                  password: db-canary-Vp5t
                  workers: 4
                  heartbeat: 200ms
                  lease: 2s
                  shutdownGrace: %s
                routing:
                  alpha: {infrastructureTemplateIds: [urn:dmb:itm:alpha-provisioner]}
                  beta: {infrastructureTemplateIds: [urn:dmb:itm:beta-provisioner]}
                alpha: {password: alpha-canary-Jd8w}
                beta: {password: beta-canary-Rq2m}
                """
                .formatted(jdbcUrl, shutdownGrace);
    }

    static Replica start(String configYaml, TestControls controls) {
        JsonNode tree =
                SafeYaml.withDefaults().parse(configYaml, "test configuration").get();
        Validation<?, Application> application = Bootstrap.create(
                tree, BootstrapOptions.defaults().withProviders(TestTechnologyProvider.standard(controls)));
        if (application.isInvalid()) {
            throw new IllegalStateException("test configuration rejected: " + application.getError());
        }
        return new Replica(application.get());
    }

    ApiClient client() {
        return client;
    }

    MeshprovServer server() {
        return server;
    }

    /** Stops the heartbeat and closes the connections of this replica as a crash would, leaving its tasks as they are. */
    void crashTaskDatabase() {
        application.taskDatabase().orElseThrow().close();
    }

    @Override
    public void close() {
        server.stop();
    }
}
