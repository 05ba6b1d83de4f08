package dev.meshprov.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshprov.core.model.OperationState;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Ports;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.http.testing.TestTechnologyProvider;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Start on a free port, and a graceful stop that lets work in flight finish within the grace. */
class MeshprovServerTest {

    private static final String CONFIG =
            """
            server: {host: 127.0.0.1, port: 0}
            tasks: {shutdownGrace: %s}
            routing:
              alpha: {infrastructureTemplateIds: [urn:dmb:itm:alpha-provisioner]}
              beta: {infrastructureTemplateIds: [urn:dmb:itm:beta-provisioner]}
            alpha: {password: lifecycle-secret}
            beta: {password: lifecycle-secret}
            """;

    private static TestServer start(String grace) {
        return TestServer.start(CONFIG.formatted(grace), TestTechnologyProvider::standard, List.of("lifecycle-secret"));
    }

    @Test
    void portZeroPicksAFreePort() {
        try (TestServer one = start("5s");
                TestServer two = start("5s")) {
            assertThat(one.server().port())
                    .isPositive()
                    .isNotEqualTo(two.server().port());
            assertThat(one.client().get("/health/live").status()).isEqualTo(200);
            assertThat(two.client().get("/health/live").status()).isEqualTo(200);
        }
    }

    @Test
    void stopLetsARequestInFlightFinishAndRefusesNewConnections() throws Exception {
        TestServer server = start("10s");
        int port = server.server().port();
        CompletableFuture<ApiResponse> inFlight = CompletableFuture.supplyAsync(() -> server.client()
                .post(
                        "/v1/provision",
                        Requests.provisioning("alpha", "in-flight", Map.of("name", "in-flight", "gate", "in-flight"))));
        assertThat(server.controls().awaitStarted("provision in-flight")).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        Ports.awaitRefused(port, "the server");
        server.controls().open("in-flight");

        ApiResponse response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("COMPLETED");
        stopping.get(30, TimeUnit.SECONDS);
    }

    @Test
    void stopFailsTasksThatOutliveTheGraceSoThatPollersGetAnAnswer() throws Exception {
        TestServer server = start("200ms");
        String token = server.client()
                .post(
                        "/v1/provision",
                        Requests.provisioning("beta", "stuck", Map.of("name", "stuck", "gate", "never-opened")))
                .body();
        assertThat(server.controls().awaitStarted("provision stuck")).isTrue();

        server.close();

        assertThat(server.application().provisioner().status(token))
                .hasValueSatisfying(status -> assertThat(status.state()).isEqualTo(OperationState.FAILED));
        assertRefused(server.server().port());
    }

    @Test
    void httpThreadsStayWithinServerMaxThreadsAndQueuedRequestsStillGetTheirAnswers() throws Exception {
        String config = CONFIG.formatted("5s").replace("port: 0}", "port: 0, maxThreads: 8}");
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try (TestServer server =
                TestServer.start(config, TestTechnologyProvider::standard, List.of("lifecycle-secret"))) {
            List<CompletableFuture<ApiResponse>> answers = IntStream.range(0, 12)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> server.client()
                                    .post(
                                            "/v1/provision",
                                            Requests.provisioning(
                                                    "alpha", "held-" + i, Map.of("name", "held-" + i, "gate", "held"))),
                            clients))
                    .toList();
            awaitFirstStart(server);

            assertThat(httpThreads()).as("threads of the HTTP pool").isBetween(1L, 8L);
            assertThat(server.controls().eventsAbout("start provision held-"))
                    .as("requests handled at once by 8 threads, Jetty's own among them")
                    .hasSizeLessThan(8);

            server.controls().open("held");
            for (CompletableFuture<ApiResponse> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Waits (bounded) until some held provision started. */
    private static void awaitFirstStart(TestServer server) throws InterruptedException {
        for (int attempt = 0; attempt < 2_000; attempt++) {
            if (!server.controls().eventsAbout("start provision held-").isEmpty()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no provision started within 20 s");
    }

    private static long httpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("meshprov-http"))
                .count();
    }

    @Test
    void jettySizesItsPaddingFromTheHeapInsteadOfStartingJmx() {
        try (TestServer server = start("5s")) {
            assertThat(System.getProperty(MeshprovServer.REFERENCES_PER_CACHE_LINE))
                    .isIn("16", "8");
            assertThat(server.client().get("/health/live").status()).isEqualTo(200);
        }
    }

    @Test
    void stopIsIdempotent() {
        TestServer server = start("1s");
        server.close();

        assertThatCode(server::close).doesNotThrowAnyException();
        assertRefused(server.server().port());
    }

    private static void assertRefused(int port) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }
}
