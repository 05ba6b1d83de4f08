package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.airbyte.FakeAirbyteServer.ContractViolation;
import dev.meshprov.core.airbyte.AirbyteSettings;
import dev.meshprov.core.airbyte.AirbyteTestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local Airbyte server can fail its client: every kind of break of Airbyte's contract is answered as the real
 * server answers it and recorded, and a recorded break fails the test at the server's close. Requests are sent raw
 * here, around the adapter, to break the contract on purpose.
 */
class AirbyteContractJudgeTest {

    private static final String WORKSPACE = "3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeAirbyteServer server = FakeAirbyteServer.start().workspace(WORKSPACE, "judged");
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUnknownPathIsA404AndRecorded() {
        assertThat(send("GET", "/v1/pipelines", null).statusCode()).isEqualTo(404);

        assertBroken("request", "GET /v1/pipelines", "validation.request.path.missing");
    }

    @Test
    void aMethodThePathLacksIsA405AndRecorded() {
        assertThat(send("PUT", "/v1/connections/" + WORKSPACE, "{}").statusCode())
                .isEqualTo(405);

        assertBroken("request", "PUT /v1/connections/" + WORKSPACE, "validation.request.operation.notAllowed");
    }

    @Test
    void aQueryParameterOutOfItsRangeIsA400AndRecorded() {
        HttpResponse<String> answer = send("GET", "/v1/sources?workspaceIds=" + WORKSPACE + "&limit=500", null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).has("errorId"))
                .as("the platform answers only an error id")
                .isTrue();
        assertBroken("request", "GET /v1/sources", "maximum: 100");
    }

    @Test
    void aBodyMissingARequiredPropertyIsA400AndRecorded() {
        HttpResponse<String> answer =
                send("POST", "/v1/sources", "{\"name\": \"no workspace\", \"configuration\": {}}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertBroken("request", "POST /v1/sources", "workspaceId");
    }

    @Test
    void aPropertyTheDocumentDoesNotDefineIsRecorded() {
        send("POST", "/v1/jobs", "{\"connectionId\": \"" + WORKSPACE + "\", \"jobType\": \"sync\", \"priority\": 1}");

        assertBroken("request", "POST /v1/jobs", "priority");
    }

    @Test
    void aConfigurationTheConnectorRefusesIsA422ProblemAndRecorded() {
        ObjectNode configuration = AirbyteTestData.fileConfiguration("a").put("format", "xml");

        HttpResponse<String> answer = send("POST", "/v1/sources", create("bad format", configuration));

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode problem = json(answer);
        assertThat(problem.path("type").asText())
                .isEqualTo("https://reference.airbyte.com/reference/errors#unprocessable-entity");
        assertThat(problem.path("data").path("message").asText())
                .startsWith("json schema validation failed")
                .contains("$.format: does not have a value in the enumeration");
        assertBroken("refused", "POST /v1/sources", "the connector's specification refuses");
        assertThat(server.stored("sources")).isEmpty();
    }

    @Test
    void aMergeIsJudgedAfterItIsMerged() {
        String id = created(AirbyteTestData.snowflakeConfiguration());

        HttpResponse<String> answer =
                send("PATCH", "/v1/destinations/" + id, "{\"configuration\": {\"host\": \"snowflake.example.org\"}}");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertBroken("refused", "PATCH /v1/destinations/" + id, "$.host: does not match the regex pattern");
    }

    @Test
    void aScheduleInAnotherTimeZoneOrMoreOftenThanHourlyIsA400AndRecorded() {
        String source = createdSource();
        String destination = created(AirbyteTestData.snowflakeConfiguration());

        int rome = send("POST", "/v1/connections", connection(source, destination, "0 0 6 * * ? Europe/Rome"))
                .statusCode();
        List<ContractViolation> romeBreaks = server.takeViolations();
        int everySecond = send("POST", "/v1/connections", connection(source, destination, "* 0 6 * * ? UTC"))
                .statusCode();
        List<ContractViolation> secondBreaks = server.takeViolations();
        int hourly = send("POST", "/v1/connections", connection(source, destination, "0 0 * * * ? UTC"))
                .statusCode();

        assertThat(rome).isEqualTo(400);
        assertThat(romeBreaks).singleElement().asString().contains("is not valid. Error:");
        assertThat(everySecond).isEqualTo(400);
        assertThat(secondBreaks).singleElement().asString().contains("less than the one hour minimum");
        assertThat(hourly).isEqualTo(200);
    }

    @Test
    void anAnswerThatBreaksTheDocumentIsFound() {
        AirbyteContract contract = AirbyteContract.get();
        byte[] withoutId = "{\"name\": \"s\", \"sourceType\": \"file\", \"workspaceId\": \"w\", \"configuration\": {}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(contract.answer("GET", "/public/v1/sources/" + WORKSPACE, 200, "application/json", withoutId))
                .anySatisfy(error -> assertThat(error).contains("sourceId"));
        assertThat(contract.problemViolations(
                        "BadRequestProblemResponse", JSON.createObjectNode().put("status", 400)))
                .anySatisfy(error -> assertThat(error).contains("type"));
        assertThat(contract.problemViolations(
                        "BadRequestProblemResponse", contract.problem("BadRequestProblemResponse", null, null)))
                .isEmpty();
    }

    @Test
    void answersAreJudgedAndSecretsMaskedByTheSpecification() {
        ObjectNode password = AirbyteTestData.snowflakeConfiguration();
        password.putObject("credentials")
                .put("auth_type", "Username and Password")
                .put("password", "Judge-Canary-Password");
        int before = server.judgedAnswers();

        String id = created(password);
        JsonNode read = json(send("GET", "/v1/destinations/" + id, null));

        assertThat(server.judgedAnswers()).isEqualTo(before + 2);
        assertThat(read.path("configuration")
                        .path("credentials")
                        .path("password")
                        .asText())
                .isEqualTo("**********");
        assertThat(read.path("configuration").path("role").asText()).isEqualTo("AIRBYTE_ROLE");
        assertThat(read.path("destinationType").asText()).isEqualTo("snowflake");
    }

    @Test
    void anUntakenBreakFailsTheTestAtClose() {
        FakeAirbyteServer other = FakeAirbyteServer.start();
        HttpRequest request = HttpRequest.newBuilder(URI.create(other.apiUrl() + "/v2/sources"))
                .GET()
                .build();
        try {
            client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }

        assertThatThrownBy(other::close)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("saw 1 break(s) of Airbyte's contract")
                .hasMessageContaining("request GET /v2/sources");
    }

    // ------------------------------------------------------------------ helpers

    private void assertBroken(String kind, String requestStart, String detail) {
        assertThat(server.takeViolations()).anySatisfy(violation -> {
            assertThat(violation.kind()).isEqualTo(kind);
            assertThat(violation.request()).startsWith(requestStart);
            assertThat(violation.detail()).contains(detail);
        });
    }

    private String createdSource() {
        HttpResponse<String> answer =
                send("POST", "/v1/sources", create("source", AirbyteTestData.fileConfiguration("a")));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).path("sourceId").asText();
    }

    private String created(ObjectNode snowflake) {
        HttpResponse<String> answer = send(
                "POST",
                "/v1/destinations",
                create("destination", AirbyteSettings.DEFAULT_SNOWFLAKE_DEFINITION_ID, snowflake));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).path("destinationId").asText();
    }

    /** The body creating a File source. */
    private static String create(String name, ObjectNode configuration) {
        return create(name, AirbyteSettings.DEFAULT_FILE_DEFINITION_ID, configuration);
    }

    private static String create(String name, String definitionId, ObjectNode configuration) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", name)
                .put("workspaceId", WORKSPACE)
                .put("definitionId", definitionId);
        body.set("configuration", configuration);
        return body.toString();
    }

    private static String connection(String source, String destination, String cron) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", "judged " + cron)
                .put("sourceId", source)
                .put("destinationId", destination);
        body.putObject("schedule").put("scheduleType", "cron").put("cronExpression", cron);
        return body.toString();
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }
}
