package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.StandardServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/validate} (200, or 500 {@code SystemError} when an upstream prevented a check), {@code /v2/validate}
 * (202 token) and its status.
 */
class ValidateEndpointsTest extends StandardServerTest {

    @Test
    void aValidDescriptorIsValid() {
        ApiResponse response =
                client.post("/v1/validate", Requests.provisioning("alpha", "ingest", Map.of("name", "ingest")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(response.json()).isEqualTo(json("{\"valid\":true}"));
    }

    @Test
    void anInvalidDescriptorIsA200WithEveryProblemAndItsFix() {
        ApiResponse response = client.post(
                "/v1/validate", Requests.provisioning("alpha", "ingest", Map.of("problem", "is not allowed here")));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("valid").asBoolean()).isFalse();
        assertThat(body.path("error").path("errors"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(
                        "dataProduct.components[urn:dmb:cmp:finance:cashflow:0:ingest].specific.name: is required but"
                                + " missing (fix: Set specific.name to the thing's name.)",
                        "dataProduct.components[urn:dmb:cmp:finance:cashflow:0:ingest].specific.problem: is not"
                                + " allowed here (fix: Remove specific.problem from the descriptor.)");
    }

    @Test
    void aCheckAnUpstreamPreventedIsASystemErrorNotValidFalse() {
        ApiResponse response = client.post(
                "/v1/validate",
                Requests.provisioning(
                        "alpha", "ingest", Map.of("name", "ingest", "upstreamDown", "connection refused")));

        assertThat(response.status()).isEqualTo(500);
        JsonNode body = response.json();
        assertThat(body.has("valid")).isFalse();
        assertThat(body.path("error").asText())
                .isEqualTo("could not check: TestUpstream GET /things/ingest: unreachable: connection refused");
        assertThat(body.path("userMessage").asText()).startsWith("Validation could not be completed: could not check");
        assertThat(body.path("input").asText()).isEqualTo("urn:dmb:cmp:finance:cashflow:0:ingest");
        assertThat(body.has("inputErrorField")).isFalse();
    }

    @Test
    void anAsyncValidationAnUpstreamPreventedPollsAsASystemError() {
        ApiResponse accepted = client.post(
                "/v2/validate",
                Requests.provisioning(
                        "alpha", "ingest", Map.of("name", "ingest", "upstreamDown", "connection refused")));

        ApiResponse status =
                client.pollUntilFinished("/v2/validate/" + accepted.json().asText() + "/status");

        assertThat(status.status()).isEqualTo(500);
        assertThat(status.json().path("error").asText()).startsWith("could not check: TestUpstream GET /things/ingest");
    }

    @Test
    void anInvalidDescriptorStaysInvalidAndListsTheChecksThatCouldNotBeMade() {
        ApiResponse response = client.post(
                "/v1/validate",
                Requests.provisioning(
                        "alpha",
                        "ingest",
                        Map.of("name", "ingest", "problem", "is not allowed here", "upstreamDown", "refused")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("valid").asBoolean()).isFalse();
        assertThat(response.json().path("error").path("errors"))
                .extracting(JsonNode::asText)
                .contains("could not check dataProduct.components[urn:dmb:cmp:finance:cashflow:0:ingest]"
                        + ".specific.upstreamDown, because TestUpstream GET /things/ingest: unreachable: refused"
                        + " (fix: Send the request again when the test upstream is available.)");
    }

    @Test
    void aMalformedBodyIsA200ValidFalseNamingTheProblem() {
        ApiResponse response = client.post("/v1/validate", "{\"descriptorKind\": COMPONENT_DESCRIPTOR}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("valid").asBoolean()).isFalse();
        assertThat(response.json().path("error").path("errors").get(0).asText())
                .startsWith("body: is not valid JSON: Unrecognized token 'COMPONENT_DESCRIPTOR'")
                .contains("line 1, column");
    }

    @Test
    void aRequestWithMissingFieldsIsA200ValidFalseNamingEachField() {
        ApiResponse response = client.post("/v1/validate", "{\"descriptorKind\": \"SOMETHING\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("error").path("errors"))
                .extracting(JsonNode::asText)
                .anySatisfy(
                        error -> assertThat(error).startsWith("descriptorKind: is 'SOMETHING', which is not one of"))
                .anySatisfy(error -> assertThat(error).startsWith("descriptor: is required but missing"));
    }

    @Test
    void asyncValidationAnswers202WithAJsonStringTokenAndCompletesWithTheResult() {
        ApiResponse accepted = client.post(
                "/v2/validate", Requests.provisioning("alpha", "ingest", Map.of("problem", "is not allowed here")));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.mediaType()).isEqualTo("application/json");
        assertThat(accepted.body()).startsWith("\"").endsWith("\"");
        String token = accepted.json().asText();

        ApiResponse status = client.pollUntilFinished("/v2/validate/" + token + "/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("status").asText()).isEqualTo("COMPLETED");
        JsonNode result = status.json().path("info").path("publicInfo");
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("error").path("errors").get(0).asText()).contains("specific.name");
    }

    @Test
    void asyncValidationOfAValidDescriptorCompletesValid() {
        ApiResponse accepted =
                client.post("/v2/validate", Requests.provisioning("alpha", "ingest", Map.of("name", "ingest")));

        ApiResponse status =
                client.pollUntilFinished("/v2/validate/" + accepted.json().asText() + "/status");

        assertThat(status.json())
                .isEqualTo(json("{\"status\":\"COMPLETED\",\"info\":{\"publicInfo\":{\"valid\":true}}}"));
    }

    @Test
    void asyncValidationOfAMalformedBodyIsA400() {
        ApiResponse response = client.post("/v2/validate", "[1, 2]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("inputErrorField").asText()).isEqualTo("body");
        assertThat(response.json().path("userMessage").asText())
                .isEqualTo("The validation request is invalid: body: must be a JSON object, but is a list.");
    }

    @Test
    void anUnknownValidationTokenIsA400() {
        ApiResponse response = client.get("/v2/validate/no-such-token/status");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("input").asText()).isEqualTo("no-such-token");
        assertThat(response.json().path("inputErrorField").asText()).isEqualTo("token");
    }

    @Test
    void aBugWhileValidatingIsA500SystemErrorWithAnErrorIdAndNoStackTrace() {
        ApiResponse response = client.post(
                "/v1/validate", Requests.provisioning("alpha", "crash", Map.of("name", "crash", "crash", "boom")));

        assertThat(response.status()).isEqualTo(500);
        JsonNode body = response.json();
        assertThat(body.path("error").asText()).matches("Internal error in meshprov \\(error id [0-9a-f-]{36}\\)");
        assertThat(body.path("userMessage").asText()).contains("its log has the details under error id");
        assertThat(response.body()).doesNotContain("boom").doesNotContain("at dev.meshprov");
    }

    @Test
    void aBugDuringAsyncValidationEndsFailed() {
        ApiResponse accepted = client.post(
                "/v2/validate", Requests.provisioning("alpha", "crash", Map.of("name", "crash", "crash", "boom")));

        ApiResponse status =
                client.pollUntilFinished("/v2/validate/" + accepted.json().asText() + "/status");

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json()).isEqualTo(json("{\"status\":\"FAILED\"}"));
    }

    private static JsonNode json(String text) {
        return new ApiResponse(200, "application/json", text).json();
    }
}
