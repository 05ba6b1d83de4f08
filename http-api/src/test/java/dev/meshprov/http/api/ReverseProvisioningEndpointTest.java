package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.StandardServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/reverse-provisioning} and {@code GET /v1/reverse-provisioning/{token}/status}. */
class ReverseProvisioningEndpointTest extends StandardServerTest {

    @Test
    void aSyncTechnologyAnswers200WithTheUpdates() {
        ApiResponse response =
                client.post("/v1/reverse-provisioning", Requests.reverse("alpha", Map.of("thingId", "t-1")));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(body.path("updates").path("spec.mesh.specific.name").asText())
                .isEqualTo("t-1");
        assertThat(body.path("updates")
                        .path("spec.mesh.specific.imported")
                        .path("environment")
                        .asText())
                .isEqualTo("development");
        assertThat(body.path("logs").get(0).path("message").asText()).isEqualTo("Imported thing t-1 from development");
    }

    @Test
    void anAsyncTechnologyAnswers202WithATextTokenAndCompletes() {
        ApiResponse accepted =
                client.post("/v1/reverse-provisioning", Requests.reverse("beta", Map.of("thingId", "t-2")));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.mediaType()).isEqualTo("text/plain");
        ApiResponse status = client.pollUntilFinished("/v1/reverse-provisioning/" + accepted.body() + "/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.json().path("updates").path("spec.mesh.specific.name").asText())
                .isEqualTo("t-2");
    }

    @Test
    void anAsyncUpstreamFailureEndsFailedWithTheReasonInTheLogs() {
        ApiResponse accepted = client.post(
                "/v1/reverse-provisioning", Requests.reverse("beta", Map.of("thingId", "t-3", "failWith", "HTTP 504")));

        ApiResponse status = client.pollUntilFinished("/v1/reverse-provisioning/" + accepted.body() + "/status");

        assertThat(status.json().path("status").asText()).isEqualTo("FAILED");
        assertThat(status.json().path("updates").isEmpty()).isTrue();
        assertThat(status.json().path("logs").get(0).path("message").asText())
                .contains("TestUpstream GET /things/t-3 failed (unavailable): HTTP 504");
    }

    @Test
    void aSyncUpstreamFailureIsA500() {
        ApiResponse response = client.post(
                "/v1/reverse-provisioning",
                Requests.reverse("alpha", Map.of("thingId", "t-4", "failWith", "HTTP 504")));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().path("error").asText())
                .contains("TestUpstream GET /things/t-4 failed (unavailable): HTTP 504");
        assertThat(response.json().path("userMessage").asText()).startsWith("Reverse provisioning failed: ");
    }

    @Test
    void missingParamsOfTheTechnologyAreA400() {
        ApiResponse response = client.post("/v1/reverse-provisioning", Requests.reverse("alpha", Map.of()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("inputErrorField").asText()).isEqualTo("params.thingId");
    }

    @Test
    void missingRequiredFieldsAreA400NamingEachField() {
        ObjectNode request = Requests.reverse("alpha", Map.of("thingId", "t-5"));
        request.remove("environment");
        request.put("params", "not an object");

        ApiResponse response = client.post("/v1/reverse-provisioning", request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("moreInfo").path("problems"))
                .extracting(JsonNode::asText)
                .containsExactly("environment: is required but missing", "params: must be an object, but is a string");
    }

    @Test
    void anUnknownUseCaseIsA400NamingWhatIsSupported() {
        ObjectNode request = Requests.reverse("alpha", Map.of("thingId", "t-6"));
        request.put("useCaseTemplateId", "urn:dmb:utm:unknown-template:0.0.0");

        ApiResponse response = client.post("/v1/reverse-provisioning", request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("inputErrorField").asText()).isEqualTo("useCaseTemplateId");
        assertThat(response.json().path("moreInfo").path("solutions").get(0).asText())
                .contains("alpha (urn:dmb:itm:alpha-provisioner, urn:dmb:utm:alpha-template)");
    }

    @Test
    void anUnknownTokenIsA400() {
        ApiResponse response = client.get("/v1/reverse-provisioning/unknown/status");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("input").asText()).isEqualTo("unknown");
    }
}
