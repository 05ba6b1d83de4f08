package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.StandardServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed, incomplete, oversized and hostile requests: each is a 4xx with the rich body naming the problem, never
 * a 500, and the server keeps answering.
 */
class HostileInputTest extends StandardServerTest {

    private static final String VALID_YAML = Requests.descriptor("alpha", "hostile", Map.of("name", "hostile"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed JSON | {\"descriptorKind\": \"COMPONENT_DESCRIPTOR\", | body | is not valid JSON",
                "empty body | '' | body | is empty",
                "a list instead of an object | [] | body | must be a JSON object, but is a list",
                "a duplicate key | {\"removeData\": true, \"removeData\": false} | body"
                        + " | is not valid JSON: Duplicate field 'removeData'",
                "missing descriptorKind | {\"descriptor\": \"x: 1\", \"removeData\": false} | descriptorKind"
                        + " | is required but missing",
                "an unknown descriptorKind | {\"descriptorKind\": \"COMPONENT\", \"descriptor\": \"x: 1\","
                        + " \"removeData\": false} | descriptorKind | is 'COMPONENT', which is not one of"
                        + " DATAPRODUCT_DESCRIPTOR, COMPONENT_DESCRIPTOR, DATAPRODUCT_DESCRIPTOR_WITH_RESULTS",
                "missing removeData | {\"descriptorKind\": \"COMPONENT_DESCRIPTOR\", \"descriptor\": \"x: 1\"}"
                        + " | removeData | is required but missing",
                "removeData as a string | {\"descriptorKind\": \"COMPONENT_DESCRIPTOR\", \"descriptor\": \"x: 1\","
                        + " \"removeData\": \"yes\"} | removeData | must be true or false, but is a string (yes)",
                "descriptor as an object | {\"descriptorKind\": \"COMPONENT_DESCRIPTOR\", \"descriptor\": {},"
                        + " \"removeData\": false} | descriptor | must be a string, but is an object",
                "latestEnrichedDescriptor as a number | {\"descriptorKind\": \"COMPONENT_DESCRIPTOR\", \"descriptor\":"
                        + " \"x: 1\", \"removeData\": false, \"latestEnrichedDescriptor\": 3}"
                        + " | latestEnrichedDescriptor | must be a string, but is a number",
            })
    void aBadProvisionRequestIsA400NamingTheField(String what, String body, String field, String message) {
        for (String path : new String[] {"/v1/provision", "/v1/unprovision"}) {
            ApiResponse response = client.post(path, body);

            assertThat(response.status()).as(what).isEqualTo(400);
            JsonNode error = response.json();
            assertThat(error.path("inputErrorField").asText()).as(what).isEqualTo(field);
            assertThat(error.path("moreInfo").path("problems").get(0).asText())
                    .as(what)
                    .startsWith(field + ": " + message);
        }
    }

    @Test
    void everyProblemOfTheBodyIsReportedTogether() {
        ApiResponse response = client.post("/v1/provision", "{\"descriptorKind\": 1, \"removeData\": null}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors"))
                .extracting(JsonNode::asText)
                .extracting(error -> error.substring(0, error.indexOf(':')))
                .containsExactly("descriptorKind", "descriptor", "removeData");
    }

    @Test
    void aNestingBombInJsonIsA400() {
        ApiResponse response = client.post("/v1/provision", "[".repeat(100_000) + "]".repeat(100_000));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).asText()).contains("nesting depth");
    }

    @Test
    void aBodyOverTheLimitIsA413WithTheRichBody() {
        ObjectNode request = Requests.provisioning(VALID_YAML, false);
        request.put("latestEnrichedDescriptor", "x".repeat(5 * 1024 * 1024));

        ApiResponse response = client.post("/v1/provision", request);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(response.json().path("inputErrorField").asText()).isEqualTo("body");
        assertThat(response.json().path("errors").get(0).asText())
                .isEqualTo("body: is larger than this server accepts (5242880 bytes) (fix: Send a smaller request, or"
                        + " raise server.maxBodyBytes in the meshprov configuration.)");
        assertThat(client.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void aBillionLaughsDescriptorIsRefusedAndTheServerKeepsAnswering() {
        StringBuilder yaml = new StringBuilder(
                "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level < 10; level++) {
            yaml.append("a").append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append("*a").append(level - 1);
            }
            yaml.append("]\n");
        }
        yaml.append(VALID_YAML);

        ApiResponse provision = client.post("/v1/provision", Requests.provisioning(yaml.toString(), false));
        ApiResponse validate = client.post("/v1/validate", Requests.provisioning(yaml.toString(), false));

        assertThat(provision.status()).isEqualTo(400);
        assertThat(provision.json().path("inputErrorField").asText()).isEqualTo("descriptor");
        assertThat(provision.json().path("errors").get(0).asText())
                .startsWith("descriptor: is not accepted")
                .contains("aliases");
        assertThat(validate.status()).isEqualTo(200);
        assertThat(validate.json().path("valid").asBoolean()).isFalse();
        assertThat(client.get("/health/live").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]",
                "dataProduct: !!java.io.File /etc/passwd",
            })
    void aYamlTagNeverConstructsAnObject(String yaml) {
        ApiResponse response = client.post("/v1/provision", Requests.provisioning(yaml, false));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("inputErrorField").asText()).isEqualTo("descriptor");
    }

    @Test
    void aDescriptorThatIsNotYamlIsA400WithItsPosition() {
        ApiResponse response = client.post("/v1/provision", Requests.provisioning("dataProduct: [unclosed", false));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).asText())
                .startsWith("descriptor: is not valid YAML")
                .contains("line");
    }
}
