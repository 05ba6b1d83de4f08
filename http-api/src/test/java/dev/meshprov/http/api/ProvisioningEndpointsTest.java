package dev.meshprov.http.api;

import static dev.meshprov.http.testing.Requests.componentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.StandardServerTest;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/provision}, {@code /v1/unprovision} and {@code /v1/provision/{token}/status}, in sync mode (alpha) and
 * async mode (beta).
 */
class ProvisioningEndpointsTest extends StandardServerTest {

    @Nested
    class SyncMode {

        @Test
        void provisionAnswers200WithInfoAndLogs() {
            ApiResponse response =
                    client.post("/v1/provision", Requests.provisioning("alpha", "sync-ok", Map.of("name", "sync-ok")));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.mediaType()).isEqualTo("application/json");
            JsonNode body = response.json();
            assertThat(body.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(body.path("result").asText()).isEqualTo("Thing sync-ok provisioned");
            JsonNode publicInfo = body.path("info").path("publicInfo");
            assertThat(publicInfo.path("thing"))
                    .isEqualTo(json("{\"type\":\"link\",\"label\":\"Thing\",\"value\":\"sync-ok\","
                            + "\"href\":\"https://things.example.com/things/sync-ok\"}"));
            assertThat(publicInfo.path("provisionedAt").path("type").asText()).isEqualTo("date");
            assertThat(publicInfo.path("technology"))
                    .isEqualTo(json("{\"type\":\"string\",\"label\":\"Technology\",\"value\":\"alpha\"}"));
            assertThat(body.path("info").path("privateInfo"))
                    .isEqualTo(json(
                            "{\"thingId\":\"thing-sync-ok\",\"details\":{\"attempts\":1,\"tags\":[\"a\",\"b\"]}}"));
            assertThat(body.path("logs"))
                    .extracting(log -> log.path("phase").asText() + ": "
                            + log.path("message").asText())
                    .containsExactly(
                            "start: Provisioning " + componentId("sync-ok") + " with the alpha technology",
                            "provision: Working on thing sync-ok with alpha");
            assertThat(body.path("logs").get(0).path("level").asText()).isEqualTo("INFO");
            assertThat(body.path("logs").get(0).path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }

        @Test
        void unprovisionAnswers200AndHonoursRemoveData() {
            ObjectNode request =
                    Requests.provisioning(Requests.descriptor("alpha", "sync-un", Map.of("name", "sync-un")), true);

            ApiResponse response = client.post("/v1/unprovision", request);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(response.json().path("result").asText()).isEqualTo("Thing sync-un removed with its data");
        }

        @Test
        void anUpstreamFailureIsA500SayingWhichCallFailed() {
            ApiResponse response = client.post(
                    "/v1/provision",
                    Requests.provisioning(
                            "alpha", "sync-fail", Map.of("name", "sync-fail", "failWith", "503 from the things API")));

            assertThat(response.status()).isEqualTo(500);
            JsonNode body = response.json();
            assertThat(body.path("error").asText())
                    .isEqualTo("TestUpstream PUT /things/sync-fail failed (unavailable): 503 from the things API");
            assertThat(body.path("userMessage").asText())
                    .isEqualTo("Provisioning failed: TestUpstream PUT /things/sync-fail failed (unavailable): 503 from"
                            + " the things API.");
            assertThat(body.path("moreInfo").path("problems").get(0).asText())
                    .isEqualTo(body.path("error").asText());
            assertThat(body.path("moreInfo").path("solutions").get(0).asText()).contains("idempotent");
        }

        @Test
        void anUnprovisionUpstreamFailureIsA500() {
            ApiResponse response = client.post(
                    "/v1/unprovision",
                    Requests.provisioning(
                            "alpha", "sync-unfail", Map.of("name", "sync-unfail", "failWith", "HTTP 500")));

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.json().path("userMessage").asText())
                    .isEqualTo("Unprovisioning failed: TestUpstream PUT /things/sync-unfail failed (unavailable): HTTP"
                            + " 500.");
        }

        @Test
        void anInvalidRequestIsA400WithTheRichBody() {
            ApiResponse response = client.post(
                    "/v1/provision", Requests.provisioning("alpha", "sync-bad", Map.of("problem", "is not allowed")));

            assertThat(response.status()).isEqualTo(400);
            JsonNode body = response.json();
            String field = "dataProduct.components[" + componentId("sync-bad") + "].specific.name";
            assertThat(body.path("inputErrorField").asText()).isEqualTo(field);
            assertThat(body.path("input").asText()).isEqualTo(componentId("sync-bad"));
            assertThat(body.path("userMessage").asText())
                    .isEqualTo("The component cannot be provisioned: " + field
                            + ": is required but missing (and 1 more problem).");
            assertThat(body.path("errors")).hasSize(2);
            assertThat(body.path("errors").get(0).asText())
                    .isEqualTo(field + ": is required but missing (fix: Set specific.name to the thing's name.)");
            assertThat(body.path("moreInfo").path("problems")).hasSize(2);
            assertThat(body.path("moreInfo").path("solutions"))
                    .extracting(JsonNode::asText)
                    .containsExactly(
                            "Set specific.name to the thing's name.", "Remove specific.problem from the descriptor.");
            assertThat(server.controls().eventsAbout("sync-bad")).isEmpty();
        }

        @Test
        void anOnlineCheckThatCouldNotBeMadeIsA500NotAnInvalidDescriptor() {
            ApiResponse response = client.post(
                    "/v1/provision",
                    Requests.provisioning(
                            "alpha", "sync-down", Map.of("name", "sync-down", "upstreamDown", "connection refused")));

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.json().path("error").asText())
                    .isEqualTo("could not check: TestUpstream GET /things/sync-down: unreachable: connection refused");
            assertThat(response.json().has("inputErrorField"))
                    .as("no field of the descriptor is blamed")
                    .isFalse();
            assertThat(response.json()
                            .path("moreInfo")
                            .path("solutions")
                            .path(0)
                            .asText())
                    .isEqualTo("Send the request again when the test upstream is available.");
        }

        @Test
        void aDataProductDescriptorIsA400NamingDescriptorKind() {
            ObjectNode request = Requests.provisioning("alpha", "sync-dp", Map.of("name", "sync-dp"));
            request.put("descriptorKind", "DATAPRODUCT_DESCRIPTOR");

            ApiResponse response = client.post("/v1/provision", request);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("inputErrorField").asText()).isEqualTo("descriptorKind");
        }
    }

    @Nested
    class AsyncMode {

        @Test
        void provisionAnswers202WithTheBareTokenAsTextAndCompletes() {
            ApiResponse accepted =
                    client.post("/v1/provision", Requests.provisioning("beta", "async-ok", Map.of("name", "async-ok")));

            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.mediaType()).isEqualTo("text/plain");
            assertThat(accepted.body()).matches("[0-9a-f-]{36}");

            ApiResponse status = client.pollUntilFinished("/v1/provision/" + accepted.body() + "/status");
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(status.json().path("result").asText()).isEqualTo("Thing async-ok provisioned");
            assertThat(status.json()
                            .path("info")
                            .path("privateInfo")
                            .path("thingId")
                            .asText())
                    .isEqualTo("thing-async-ok");
            assertThat(status.json().path("logs")).hasSize(2);
        }

        @Test
        void aRunningTaskReportsRunningWithTheLogsSoFar() throws InterruptedException {
            ApiResponse accepted = client.post(
                    "/v1/provision",
                    Requests.provisioning("beta", "async-slow", Map.of("name", "async-slow", "gate", "async-slow")));
            assertThat(server.controls().awaitStarted("provision async-slow")).isTrue();

            ApiResponse running = client.get("/v1/provision/" + accepted.body() + "/status");

            assertThat(running.json().path("status").asText()).isEqualTo("RUNNING");
            assertThat(running.json().has("info")).isFalse();
            server.controls().open("async-slow");
            assertThat(client.pollUntilFinished("/v1/provision/" + accepted.body() + "/status")
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("COMPLETED");
        }

        @Test
        void anUpstreamFailureEndsFailedSayingWhichCallFailed() {
            ApiResponse accepted = client.post(
                    "/v1/provision",
                    Requests.provisioning("beta", "async-fail", Map.of("name", "async-fail", "failWith", "HTTP 502")));
            assertThat(accepted.status()).isEqualTo(202);

            ApiResponse status = client.pollUntilFinished("/v1/provision/" + accepted.body() + "/status");

            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().path("status").asText()).isEqualTo("FAILED");
            assertThat(status.json().path("result").asText())
                    .isEqualTo("TestUpstream PUT /things/async-fail failed (unavailable): HTTP 502");
            assertThat(status.json().path("logs"))
                    .anySatisfy(log -> assertThat(log.path("level").asText()).isEqualTo("ERROR"));
        }

        @Test
        void anInvalidRequestIsA400AtOnce() {
            ApiResponse response = client.post(
                    "/v1/provision", Requests.provisioning("beta", "async-bad", Map.of("gate", "never-opened")));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("inputErrorField").asText()).endsWith(".specific.name");
            assertThat(server.controls().eventsAbout("async-bad")).isEmpty();
        }

        @Test
        void unprovisionAnswers202AndCompletes() {
            ObjectNode request =
                    Requests.provisioning(Requests.descriptor("beta", "async-un", Map.of("name", "async-un")), false);

            ApiResponse accepted = client.post("/v1/unprovision", request);

            assertThat(accepted.status()).isEqualTo(202);
            ApiResponse status = client.pollUntilFinished("/v1/provision/" + accepted.body() + "/status");
            assertThat(status.json().path("result").asText()).isEqualTo("Thing async-un removed, data kept");
        }
    }

    @Test
    void anUnknownTokenIsA400NeverCompleted() {
        ApiResponse response = client.get("/v1/provision/6f1c2a3e-0000-4000-8000-000000000000/status");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("input").asText()).isEqualTo("6f1c2a3e-0000-4000-8000-000000000000");
        assertThat(response.json().path("userMessage").asText()).startsWith("The task cannot be found: token:");
    }

    @Test
    void aValidationTokenIsNotAProvisioningToken() {
        String token = client.post("/v2/validate", Requests.provisioning("alpha", "tok", Map.of("name", "tok")))
                .json()
                .asText();

        ApiResponse response = client.get("/v1/provision/" + token + "/status");

        assertThat(response.status()).isEqualTo(400);
    }

    private static JsonNode json(String text) {
        return new ApiResponse(200, "application/json", text).json();
    }
}
