package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.StandardServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routing: the root paths choose the technology by the component's template ids; {@code /<technology>/...} forces
 * one; disabled, unknown and mismatched technologies are 400s that say what to do.
 */
class RoutingTest extends StandardServerTest {

    @Test
    void aComponentOfADisabledTechnologyIsA400SayingWhichKeysToSet() {
        for (String path : List.of("/v1/provision", "/gamma/v1/provision")) {
            ApiResponse response = client.post(path, Requests.provisioning("gamma", "off", Map.of("name", "off")));

            assertThat(response.status()).as(path).isEqualTo(400);
            JsonNode body = response.json();
            assertThat(body.path("inputErrorField").asText())
                    .as("the key of the configuration that fixes it, not the component's template id")
                    .isEqualTo("gamma.enabled");
            assertThat(body.path("moreInfo").path("problems").get(0).asText())
                    .isEqualTo("gamma.enabled: the component " + Requests.componentId("off") + " routes to the Test"
                            + " technology gamma technology (gamma), which is not enabled in the configuration");
            assertThat(body.path("moreInfo").path("solutions").get(0).asText())
                    .isEqualTo("Set gamma.enabled: true and gamma.password (or MESHPROV_GAMMA_PASSWORD) in the"
                            + " meshprov configuration.");
        }
    }

    @Test
    void validatingForADisabledTechnologyIsValidFalseWithTheSameAdvice() {
        ApiResponse response =
                client.post("/v1/validate", Requests.provisioning("gamma", "off", Map.of("name", "off")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("error").path("errors").get(0).asText()).contains("Set gamma.enabled: true");
    }

    @Test
    void anUnroutableComponentIsA400NamingWhatIsSupported() {
        ApiResponse response =
                client.post("/v1/provision", Requests.provisioning("unknown", "lost", Map.of("name", "lost")));

        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.path("moreInfo").path("problems").get(0).asText())
                .contains("is urn:dmb:itm:unknown-provisioner:0 (useCaseTemplateId urn:dmb:utm:unknown-template:0.0.0),"
                        + " which no technology in meshprov's routing table handles");
        assertThat(body.path("moreInfo").path("solutions").get(0).asText())
                .contains("alpha (urn:dmb:itm:alpha-provisioner, urn:dmb:utm:alpha-template)")
                .contains("beta (urn:dmb:itm:beta-provisioner, urn:dmb:utm:beta-template)");
    }

    @Test
    void aTemplateOfATechnologyOutsideThisBuildIsA400() {
        ApiResponse response =
                client.post("/v1/provision", Requests.provisioning("airbyte", "elsewhere", Map.of("name", "x")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("moreInfo").path("problems").get(0).asText())
                .endsWith("routes to the airbyte technology, which is not part of this meshprov build");
    }

    @Test
    void aPrefixForcesItsTechnology() {
        ApiResponse response = client.post(
                "/alpha/v1/provision", Requests.provisioning("unknown", "forced", Map.of("name", "forced")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()
                        .path("info")
                        .path("publicInfo")
                        .path("technology")
                        .path("value")
                        .asText())
                .isEqualTo("alpha");
    }

    @Test
    void aComponentSentToAnotherTechnologysPrefixIsA400() {
        ApiResponse response =
                client.post("/beta/v1/provision", Requests.provisioning("alpha", "misrouted", Map.of("name", "m")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("moreInfo").path("solutions").get(0).asText())
                .isEqualTo("Send the request to /alpha/v1/... or to the root /v1/... endpoints.");
    }

    @Test
    void everyContractPathIsServedUnderEachPrefix() {
        Map<String, String> specific = Map.of("name", "prefixed");

        assertThat(client.post("/alpha/v1/validate", Requests.provisioning("alpha", "p1", specific))
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
        String validation = client.post("/alpha/v2/validate", Requests.provisioning("alpha", "p1", specific))
                .json()
                .asText();
        assertThat(client.pollUntilFinished("/alpha/v2/validate/" + validation + "/status")
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETED");
        assertThat(client.post("/alpha/v1/provision", Requests.provisioning("alpha", "p1", specific))
                        .status())
                .isEqualTo(200);
        assertThat(client.post("/alpha/v1/unprovision", Requests.provisioning("alpha", "p1", specific))
                        .status())
                .isEqualTo(200);
        assertThat(client.post("/alpha/v1/updateacl", Requests.updateAcl("alpha", "p1", specific, List.of("user:a")))
                        .status())
                .isEqualTo(200);
        ApiResponse accepted = client.post("/beta/v1/provision", Requests.provisioning("beta", "p2", specific));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(client.pollUntilFinished("/beta/v1/provision/" + accepted.body() + "/status")
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETED");
        ObjectNode reverse = Requests.reverse("unknown", Map.of("thingId", "t-9"));
        assertThat(client.post("/alpha/v1/reverse-provisioning", reverse).status())
                .isEqualTo(200);
        ApiResponse reverseAccepted = client.post("/beta/v1/reverse-provisioning", reverse);
        assertThat(reverseAccepted.status()).isEqualTo(202);
        assertThat(client.pollUntilFinished("/beta/v1/reverse-provisioning/" + reverseAccepted.body() + "/status")
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETED");
    }
}
