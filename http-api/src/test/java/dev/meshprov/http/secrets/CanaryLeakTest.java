package dev.meshprov.http.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.airbyte.FakeAirbyteServer.Fault;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.mwaa.LocalS3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary values in every secret of {@link SecretRegistry} — the configuration of the three technologies, the API
 * tokens, an Airbyte source password in the descriptor — driven through every operation and error path over HTTP
 * against the upstream fakes, including upstream errors that echo what they were sent. No canary may appear in any
 * response (the client checks each one: bodies, statuses, info, logs of the contract), nor in any log line or
 * exception message of the process.
 */
class CanaryLeakTest {

    private static final String FIRST_TOKEN = "canary-api-token-Jd73Ks02Pw";
    private static final String SECOND_TOKEN = "canary-api-token-Mx18Vb55Qe";
    private static final String SOURCE_PASSWORD = "canary-source-password-Gt94Hn";
    private static final String DESTINATION_PASSWORD = "canary-destination-password-Lo27Yr";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(RealTechnologies.ARTIFACT_BUCKET);

    @TempDir
    Path workingDirectory;

    private LogCapture logs;
    private RealTechnologies technologies;
    private ApiClient client;
    private final List<String> canaries = new ArrayList<>();

    private void start(String mode) {
        logs = LogCapture.start();
        technologies = RealTechnologies.start(
                mode, workingDirectory, LocalS3.endpoint(S3), "", List.of(FIRST_TOKEN, SECOND_TOKEN));
        canaries.addAll(RealTechnologies.CANARIES);
        canaries.addAll(List.of(FIRST_TOKEN, SECOND_TOKEN, SOURCE_PASSWORD, DESTINATION_PASSWORD));
        client = new ApiClient(technologies.server().server().port(), canaries)
                .withAuthorization("Bearer " + SECOND_TOKEN);
    }

    @BeforeEach
    void nothingYet() {
        canaries.clear();
    }

    @AfterEach
    void noCanaryWasLogged() {
        if (technologies != null) {
            technologies.close();
        }
        if (logs == null) {
            return;
        }
        List<String> lines = logs.lines();
        logs.close();
        assertThat(lines).as("the test logged something").isNotEmpty();
        for (String line : lines) {
            for (String canary : canaries) {
                assertThat(line).as("a log line reveals a secret").doesNotContain(canary);
            }
        }
    }

    @Test
    void everyOperationOfEveryTechnology() {
        start("sync");
        for (String example : List.of(
                "mwaa-provision-request.json", "airbyte-provision-request.json", "cde-provision-request.json")) {
            JsonNode request = RealTechnologies.example(example);

            assertThat(client.post("/v1/validate", request).json().path("valid").asBoolean())
                    .as(example)
                    .isTrue();
            ApiResponse provisioned = client.post("/v1/provision", request);
            assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(200);
            assertThat(client.post("/v1/provision", request).status()).isEqualTo(200);
            client.post("/v1/updateacl", updateAcl(request));
            client.post("/v2/validate", request);
            ApiResponse unprovisioned = client.post("/v1/unprovision", request);
            assertThat(unprovisioned.status()).as(unprovisioned.body()).isEqualTo(200);
        }
        client.post("/v1/reverse-provisioning", reverse("urn:dmb:utm:airbyte-standard:0.0.0", "connectionId", "x"));
        client.post("/v1/reverse-provisioning", reverse("urn:dmb:utm:spark-workload-template:0.0.0", "jobName", "x"));
        assertThat(client.withAuthorization("Bearer " + FIRST_TOKEN + "x")
                        .post("/v1/validate", RealTechnologies.example("mwaa-provision-request.json"))
                        .status())
                .isEqualTo(401);
        assertThat(client.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void anAirbyteSourcePasswordInTheDescriptorIsPassedOnButNeverShown() {
        start("sync");
        ObjectNode request = withSourceSetting("password", SOURCE_PASSWORD);

        client.post("/v1/validate", request);
        ApiResponse provisioned = client.post("/v1/provision", request);
        client.post("/v1/unprovision", request);

        assertThat(provisioned.status()).isIn(200, 500);
    }

    @Test
    void aDestinationPasswordInTheDescriptorIsRefusedWithoutEchoingIt() {
        start("sync");
        ObjectNode request = withDestinationSetting("password", DESTINATION_PASSWORD);

        ApiResponse provisioned = client.post("/v1/provision", request);

        assertThat(provisioned.status()).isEqualTo(400);
        assertThat(provisioned.body()).contains("must not be in the descriptor");
    }

    @Test
    void upstreamErrorsThatEchoWhatTheyWereSentAreMasked() {
        start("sync");
        JsonNode airbyte = RealTechnologies.example("airbyte-provision-request.json");
        JsonNode cde = RealTechnologies.example("cde-provision-request.json");

        technologies.airbyte().fail(Fault.rejectEchoing("POST", "/v1/sources"), 1);
        assertThat(client.post("/v1/provision", airbyte).status()).isEqualTo(500);
        technologies.airbyte().fail(Fault.rejectEchoing("POST", "/v1/destinations"), 1);
        ApiResponse echoed = client.post("/v1/provision", airbyte);
        assertThat(echoed.status()).isEqualTo(500);
        assertThat(echoed.body())
                .as("Airbyte echoed the destination configuration with the Snowflake password, masked on the way")
                .contains("***");
        technologies
                .airbyte()
                .fail(
                        Fault.raw(
                                "POST",
                                ".*",
                                500,
                                "{\"message\":\"internal error, config password="
                                        + RealTechnologies.SNOWFLAKE_PASSWORD + " client_secret="
                                        + RealTechnologies.AIRBYTE_CLIENT_SECRET + "\"}"),
                        10);
        client.post("/v1/provision", airbyte);
        technologies.airbyte().fail(Fault.status("POST", ".*token.*", 401), 5);
        client.post("/v1/unprovision", airbyte);
        technologies.airbyte().fail(Fault.drop("GET", ".*"), 10);
        client.post("/v1/unprovision", airbyte);

        technologies.cdp().removeService("finance-de");
        assertThat(client.post("/v1/provision", cde).status()).isIn(400, 500);
        ObjectNode missingJar = cde.deepCopy();
        missingJar.put("descriptor", cde.path("descriptor").asText().replace("cashflow-job-1.0.0.jar", "absent.jar"));
        client.post("/v1/validate", missingJar);
        client.post("/v1/provision", missingJar);
    }

    @Test
    void checksThatAnUpstreamPreventedNeverShowASecret() {
        start("sync");
        JsonNode airbyte = RealTechnologies.example("airbyte-provision-request.json");
        String echo = "{\"message\":\"down, config password=" + RealTechnologies.SNOWFLAKE_PASSWORD + " client_secret="
                + RealTechnologies.AIRBYTE_CLIENT_SECRET + "\"}";

        technologies.airbyte().fail(Fault.raw("GET", ".*workspaces.*", 503, echo), 100);
        ApiResponse validated = client.post("/v1/validate", airbyte);
        String token = client.post("/v2/validate", airbyte).json().asText();
        ApiResponse polled = client.pollUntilFinished("/v2/validate/" + token + "/status");
        ApiResponse provisioned = client.post("/v1/provision", airbyte);
        technologies.airbyte().clearFaults();
        technologies.airbyte().fail(Fault.raw("GET", ".*workspaces.*", 401, echo), 100);
        ApiResponse refused = client.post("/airbyte/v1/validate", airbyte);

        for (ApiResponse outage : List.of(validated, polled, provisioned, refused)) {
            assertThat(outage.status()).as(outage.body()).isEqualTo(500);
            assertThat(outage.json().path("error").asText()).startsWith("could not check: Airbyte ");
        }
    }

    @Test
    void asynchronousTasksAndTheirStatusesNeverShowASecret() {
        start("async");
        JsonNode airbyte = RealTechnologies.example("airbyte-provision-request.json");
        technologies.airbyte().fail(Fault.rejectEchoing("POST", "/v1/sources"), 1);

        JsonNode failed = run("/v1/provision", airbyte);
        JsonNode completed = run("/v1/provision", airbyte);
        JsonNode cde = run("/v1/provision", RealTechnologies.example("cde-provision-request.json"));
        run("/v1/unprovision", RealTechnologies.example("cde-provision-request.json"));

        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(cde.path("status").asText()).isEqualTo("COMPLETED");
        String token = client.post("/v2/validate", airbyte).json().asText();
        client.pollUntilFinished("/v2/validate/" + token + "/status");
    }

    private JsonNode run(String path, JsonNode request) {
        ApiResponse accepted = client.post(path, request);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return client.pollUntilFinished("/v1/provision/" + accepted.body() + "/status")
                .json();
    }

    private static ObjectNode withSourceSetting(String key, String value) {
        return withSetting("source", key, value);
    }

    private static ObjectNode withDestinationSetting(String key, String value) {
        return withSetting("destination", key, value);
    }

    /** The Airbyte example with {@code key: value} in the connector configuration of {@code connector}. */
    private static ObjectNode withSetting(String connector, String key, String value) {
        ObjectNode request =
                RealTechnologies.example("airbyte-provision-request.json").deepCopy();
        try {
            JsonNode descriptor = YAML.readTree(request.path("descriptor").asText());
            String id = descriptor.path("componentIdToProvision").asText();
            for (JsonNode component : descriptor.path("dataProduct").path("components")) {
                if (component.path("id").asText().equals(id)) {
                    ((ObjectNode) component.path("specific").path(connector).path("connectionConfiguration"))
                            .put(key, value);
                }
            }
            request.put("descriptor", YAML.writeValueAsString(descriptor));
            return request;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode updateAcl(JsonNode provisioning) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("refs").add("user:alice_example.com").add("group:finance");
        ObjectNode info = request.putObject("provisionInfo");
        info.put("request", provisioning.toString());
        info.put("result", "provisioned");
        return request;
    }

    private static ObjectNode reverse(String useCaseTemplateId, String param, String value) {
        ObjectNode request = JSON.createObjectNode();
        request.put("useCaseTemplateId", useCaseTemplateId);
        request.put("environment", "development");
        request.putObject("params").put(param, value);
        request.putObject("catalogInfo").put("kind", "Component");
        return request;
    }
}
