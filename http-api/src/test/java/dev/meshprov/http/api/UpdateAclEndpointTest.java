package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.StandardServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/updateacl}: the component comes from {@code provisionInfo.request}; the mode is the technology's. */
class UpdateAclEndpointTest extends StandardServerTest {

    @Test
    void aSyncTechnologyAnswers200WithTheStatus() {
        ApiResponse response = client.post(
                "/v1/updateacl",
                Requests.updateAcl(
                        "alpha", "acl-sync", Map.of("name", "acl-sync"), List.of("user:alice", "group:ops")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(response.json().path("result").asText())
                .isEqualTo("Access to thing acl-sync granted to [user:alice, group:ops]");
    }

    @Test
    void anAsyncTechnologyAnswers202AndItsTokenIsPolledOnTheProvisioningStatus() {
        ApiResponse accepted = client.post(
                "/v1/updateacl", Requests.updateAcl("beta", "acl-async", Map.of("name", "acl-async"), List.of()));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.mediaType()).isEqualTo("text/plain");
        ApiResponse status = client.pollUntilFinished("/v1/provision/" + accepted.body() + "/status");
        assertThat(status.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.json().path("result").asText()).isEqualTo("Access to thing acl-async granted to []");
    }

    @Test
    void anUpstreamFailureInSyncModeIsA500() {
        ApiResponse response = client.post(
                "/v1/updateacl",
                Requests.updateAcl("alpha", "acl-fail", Map.of("name", "acl-fail", "failWith", "HTTP 403"), List.of()));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().path("error").asText())
                .isEqualTo("TestUpstream PUT /things/acl-fail failed (unavailable): HTTP 403");
    }

    @Test
    void missingAndMistypedFieldsAreA400NamingEachField() {
        ApiResponse response = client.post("/v1/updateacl", "{\"refs\": [\"user:alice\", 7], \"provisionInfo\": {}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("inputErrorField").asText()).isEqualTo("refs[1]");
        assertThat(response.json().path("moreInfo").path("problems"))
                .extracting(problem -> problem.asText())
                .containsExactly(
                        "refs[1]: must be a string, but is a number",
                        "provisionInfo.request: is required but missing",
                        "provisionInfo.result: is required but missing");
    }

    @Test
    void missingRefsAreA400() {
        ObjectNode request = Requests.updateAcl("alpha", "acl-norefs", Map.of("name", "acl-norefs"), List.of());
        request.remove("refs");

        ApiResponse response = client.post("/v1/updateacl", request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("inputErrorField").asText()).isEqualTo("refs");
    }

    @Test
    void anInvalidComponentInProvisionInfoIsA400() {
        ApiResponse response = client.post(
                "/v1/updateacl", Requests.updateAcl("alpha", "acl-bad", Map.of("problem", "is wrong"), List.of()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("userMessage").asText())
                .startsWith("Access to the component cannot be updated: ");
        assertThat(response.json().path("input").asText()).isEqualTo(Requests.componentId("acl-bad"));
    }
}
