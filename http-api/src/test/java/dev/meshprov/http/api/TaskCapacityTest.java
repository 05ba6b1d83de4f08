package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.http.testing.TestTechnologyProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the task store is full of unfinished tasks, async requests are a 500 that says to retry, not a lost task. */
class TaskCapacityTest {

    @Test
    void aFullTaskStoreIsA500SayingWhyAndWhatToDo() throws InterruptedException {
        try (TestServer server = TestServer.start(
                """
                server: {host: 127.0.0.1, port: 0}
                tasks: {maxTasks: 1}
                routing:
                  beta: {infrastructureTemplateIds: [urn:dmb:itm:beta-provisioner]}
                alpha: {enabled: false}
                beta: {password: capacity-secret}
                """,
                TestTechnologyProvider::standard,
                List.of("capacity-secret"))) {
            ApiClient client = server.client();
            String first = client.post(
                            "/v1/provision",
                            Requests.provisioning("beta", "full-1", Map.of("name", "full-1", "gate", "full")))
                    .body();
            assertThat(server.controls().awaitStarted("provision full-1")).isTrue();

            ApiResponse provision =
                    client.post("/v1/provision", Requests.provisioning("beta", "full-2", Map.of("name", "full-2")));
            ApiResponse validate =
                    client.post("/v2/validate", Requests.provisioning("beta", "full-3", Map.of("name", "full-3")));

            for (ApiResponse response : List.of(provision, validate)) {
                assertThat(response.status()).isEqualTo(500);
                assertThat(response.json().path("error").asText())
                        .isEqualTo("meshprov holds 1 unfinished tasks already (tasks.maxTasks); retry later");
            }
            server.controls().open("full");
            assertThat(client.pollUntilFinished("/v1/provision/" + first + "/status")
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("COMPLETED");
        }
    }
}
