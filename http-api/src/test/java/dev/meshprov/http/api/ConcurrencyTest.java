package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.StandardServerTest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Mutating operations on one component run one after the other, in order of arrival; operations on different
 * components run at the same time. Proven with gates and meetings of the test technology, not with sleeps.
 */
class ConcurrencyTest extends StandardServerTest {

    @Test
    void twoAsyncProvisionsOfOneComponentRunOneAfterTheOther() throws InterruptedException {
        String first = client.post(
                        "/v1/provision",
                        Requests.provisioning("beta", "serial", Map.of("name", "serial-first", "gate", "serial")))
                .body();
        assertThat(server.controls().awaitStarted("provision serial-first")).isTrue();
        String second = client.post(
                        "/v1/provision", Requests.provisioning("beta", "serial", Map.of("name", "serial-second")))
                .body();

        ApiResponse waiting = client.get("/v1/provision/" + second + "/status");
        assertThat(waiting.json().path("status").asText()).isEqualTo("RUNNING");
        assertThat(waiting.json().path("logs")).as("the second has not started").isEmpty();
        server.controls().open("serial");

        assertThat(statusOf(first)).isEqualTo("COMPLETED");
        assertThat(statusOf(second)).isEqualTo("COMPLETED");
        assertThat(server.controls().eventsAbout("serial-"))
                .containsExactly(
                        "start provision serial-first",
                        "end provision serial-first",
                        "start provision serial-second",
                        "end provision serial-second");
    }

    @Test
    void twoSyncProvisionsOfOneComponentRunOneAfterTheOther() throws Exception {
        CompletableFuture<ApiResponse> first = CompletableFuture.supplyAsync(() -> client.post(
                "/v1/provision",
                Requests.provisioning("alpha", "sync-serial", Map.of("name", "sync-first", "gate", "sync-serial"))));
        assertThat(server.controls().awaitStarted("provision sync-first")).isTrue();
        CompletableFuture<ApiResponse> second = CompletableFuture.supplyAsync(() -> client.post(
                "/v1/provision", Requests.provisioning("alpha", "sync-serial", Map.of("name", "sync-second"))));
        server.controls().open("sync-serial");

        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(second.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(server.controls().eventsAbout("sync-"))
                .containsExactly(
                        "start provision sync-first",
                        "end provision sync-first",
                        "start provision sync-second",
                        "end provision sync-second");
    }

    @Test
    void provisionsOfDifferentComponentsRunAtTheSameTime() {
        // each waits at the meeting until the other arrives: they complete only if they overlap
        String a = client.post(
                        "/v1/provision",
                        Requests.provisioning("beta", "parallel-a", Map.of("name", "parallel-a", "meet", "parallel")))
                .body();
        String b = client.post(
                        "/v1/provision",
                        Requests.provisioning("beta", "parallel-b", Map.of("name", "parallel-b", "meet", "parallel")))
                .body();

        assertThat(statusOf(a)).isEqualTo("COMPLETED");
        assertThat(statusOf(b)).isEqualTo("COMPLETED");
    }

    private static String statusOf(String token) {
        return client.pollUntilFinished("/v1/provision/" + token + "/status")
                .json()
                .path("status")
                .asText();
    }
}
