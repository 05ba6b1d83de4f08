package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.ContractValidator;
import dev.meshprov.http.testing.StandardServerTest;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.http.testing.TestTechnologyProvider;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health probes, the contract document, and the JSON answers to unknown paths and wrong methods. */
class OperationalEndpointsTest extends StandardServerTest {

    @Test
    void livenessIsUp() {
        ApiResponse response = client.get("/health/live");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(response.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessReportsEachTechnologyAndStays200WhenOneIsDown() {
        ApiResponse response = client.get("/health/ready");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(body.path("technologies").path("alpha").path("ready").asBoolean())
                .isTrue();
        assertThat(body.path("technologies").path("alpha").path("mode").asText())
                .isEqualTo("sync");
        assertThat(body.path("technologies").path("beta").path("ready").asBoolean())
                .isFalse();
        assertThat(body.path("technologies").path("beta").path("detail").asText())
                .isEqualTo("cannot reach the test upstream of beta (connection refused)");
        assertThat(body.path("technologies").has("gamma")).isFalse();
        assertThat(body.path("disabled").path("gamma").asText()).startsWith("Set gamma.enabled: true");
        assertThat(client.get("/health/live").json().path("status").asText())
                .as("a technology being down never fails liveness")
                .isEqualTo("UP");
    }

    @Test
    void readinessIsUpWhenEveryEnabledTechnologyIsReachable() {
        try (TestServer healthy = TestServer.start(
                """
                server: {host: 127.0.0.1, port: 0}
                alpha: {password: healthy-secret}
                beta: {enabled: false}
                """,
                TestTechnologyProvider::standard,
                List.of("healthy-secret"))) {
            JsonNode body = healthy.client().get("/health/ready").json();

            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("technologies").fieldNames()).toIterable().containsExactly("alpha");
        }
    }

    @Test
    void theContractIsServedAsIs() {
        ApiResponse response = client.get("/openapi.yaml");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/yaml");
        assertThat(response.body()).isEqualTo(ContractValidator.contract());
    }

    @Test
    void anUnknownPathIsA404WithAJsonBodyListingTheEndpoints() {
        ApiResponse response = client.get("/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(response.json().path("errors").get(0).asText())
                .startsWith("path: GET /v1/nothing-here is not an endpoint of this server");
        assertThat(response.json().path("moreInfo").path("solutions").get(0).asText())
                .contains("POST /v1/provision")
                .contains("also under /alpha, /beta, /gamma");
    }

    @Test
    void aWrongMethodIsA405WithAJsonBodyAndAllow() {
        ApiResponse response = client.send("DELETE", "/v1/provision", BodyPublishers.noBody());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(response.json().path("userMessage").asText())
                .isEqualTo("The request cannot be served: method: DELETE is not allowed on /v1/provision.");
        assertThat(response.json().path("moreInfo").path("solutions").get(0).asText())
                .isEqualTo("Use POST /v1/provision.");
    }

    @Test
    void aGetOnAPostEndpointIsA405() {
        assertThat(client.get("/alpha/v1/validate").status()).isEqualTo(405);
    }
}
