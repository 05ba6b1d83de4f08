package dev.meshprov.http.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.TestServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's log as JSON lines, set up by {@link LoggingSetup} with the default settings: fields of every line, the
 * correlation id from the {@code traceId} header through the request into the async task, and the upstream call log.
 */
class ServerLoggingTest {

    private static CapturedLog log;
    private static TestServer server;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        log = new CapturedLog(new LoggingSettings(null, null));
        server = TestServer.standard();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
        log.close();
    }

    @Test
    void theTraceIdOfARequestIsEchoedAndCarriedIntoItsAsyncTask() throws InterruptedException {
        ApiResponse accepted = client.send(
                "POST",
                "/v1/provision",
                BodyPublishers.ofString(Requests.provisioning("beta", "traced", Map.of("name", "traced"))
                        .toString()),
                Map.of("traceId", "abc-123"));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("traceId")).contains("abc-123");
        String token = accepted.body();
        ApiResponse status = client.pollUntilFinished("/v1/provision/" + token + "/status");
        assertThat(status.json().path("status").asText()).isEqualTo("COMPLETED");

        JsonNode access = log.awaitLine(line -> "dev.meshprov.http.access".equals(text(line, "logger"))
                && text(line, "message").startsWith("POST /v1/provision 202"));
        assertThat(text(access, "traceId")).isEqualTo("abc-123");

        List<JsonNode> fromTask = log.lines().stream()
                .filter(line -> token.equals(text(line, "taskId")))
                .toList();
        assertThat(fromTask).as("lines logged by the async task").isNotEmpty().allSatisfy(line -> {
            assertThat(text(line, "traceId")).isEqualTo("abc-123");
            assertThat(text(line, "thread")).startsWith("meshprov-task");
        });
        assertThat(fromTask)
                .anySatisfy(line -> assertThat(text(line, "message")).contains("Working on thing traced"))
                .anySatisfy(line -> assertThat(text(line, "logger")).isEqualTo("dev.meshprov.upstream"));
    }

    @Test
    void everyLineHasTheStandardFields() {
        client.get("/v1/provision/no-such-token/status");

        assertThat(log.lines()).isNotEmpty().allSatisfy(line -> {
            assertThat(text(line, "timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            assertThat(text(line, "level")).isIn("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
            assertThat(text(line, "logger")).isNotBlank();
            assertThat(line.has("message")).isTrue();
            assertThat(line.has("thread")).isTrue();
        });
    }

    @Test
    void anUpstreamCallIsOneLineWithItsFieldsAndNoBody() throws InterruptedException {
        client.post("/v1/provision", Requests.provisioning("alpha", "upstream-logged", Map.of("name", "logged")));

        JsonNode call = log.awaitLine(line ->
                "dev.meshprov.upstream".equals(text(line, "logger")) && "/things/logged".equals(text(line, "target")));

        assertThat(text(call, "level")).isEqualTo("INFO");
        assertThat(text(call, "technology")).isEqualTo("alpha");
        assertThat(text(call, "system")).isEqualTo("TestUpstream");
        assertThat(text(call, "operation")).isEqualTo("PUT /things/{name}");
        assertThat(text(call, "outcome")).isEqualTo("200");
        assertThat(call.path("durationMs").isIntegralNumber()).isTrue();
        assertThat(call.path("attempt").asInt()).isEqualTo(1);
        assertThat(text(call, "message"))
                .as("the path once, as called; its template is the operation field")
                .isEqualTo("TestUpstream PUT /things/logged -> 200 in 2ms (attempt 1)");
        assertThat(text(call, "traceId")).isNotBlank();
    }

    @Test
    void anUnsafeTraceIdIsReplacedAndAMissingOneGenerated() {
        ApiResponse unsafe =
                client.send("GET", "/health/live", BodyPublishers.noBody(), Map.of("traceId", "abc 123\"}{<script>"));
        ApiResponse tooLong =
                client.send("GET", "/health/live", BodyPublishers.noBody(), Map.of("traceId", "x".repeat(65)));
        ApiResponse missing = client.get("/health/live");

        assertThat(List.of(unsafe, tooLong, missing))
                .extracting(response -> response.header("traceId").orElseThrow())
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}"))
                .doesNotHaveDuplicates();
    }

    @Test
    void requestsWithoutAnIdGetDifferentOnesAndTheMdcDoesNotLeakBetweenThem() throws InterruptedException {
        String first =
                client.get("/v1/provision/first-token/status").header("traceId").orElseThrow();
        String second = client.get("/v1/provision/second-token/status")
                .header("traceId")
                .orElseThrow();

        assertThat(first).isNotEqualTo(second);
        JsonNode secondLine = log.awaitLine(line -> text(line, "message").startsWith("GET /v1/provision/second-token"));
        assertThat(text(secondLine, "traceId")).isEqualTo(second);
    }

    @Test
    void errorAnswersCarryTheTraceIdAndABugIsLoggedUnderIt() throws InterruptedException {
        Map<String, String> traced = Map.of("traceId", "err-42");
        ApiResponse unknown = client.send("GET", "/v1/nothing-here", BodyPublishers.noBody(), traced);
        ApiResponse wrongMethod = client.send("DELETE", "/v1/provision", BodyPublishers.noBody(), traced);
        ApiResponse bug = client.send(
                "POST",
                "/v1/validate",
                BodyPublishers.ofString(Requests.provisioning("alpha", "crashing", Map.of("name", "x", "crash", "boom"))
                        .toString()),
                traced);

        assertThat(List.of(unknown, wrongMethod, bug))
                .extracting(ApiResponse::status, response -> response.header("traceId")
                        .orElse(null))
                .containsExactly(tuple(404, "err-42"), tuple(405, "err-42"), tuple(500, "err-42"));
        String errorId = bug.json().path("error").asText().replaceFirst(".*error id ([0-9a-f-]{36}).*", "$1");
        assertThat(errorId).matches("[0-9a-f-]{36}");
        JsonNode logged = log.awaitLine(line -> text(line, "message").contains(errorId));
        assertThat(text(logged, "level")).isEqualTo("ERROR");
        assertThat(text(logged, "traceId")).isEqualTo("err-42");
        assertThat(text(logged, "exception")).contains("IllegalStateException: boom");
    }

    @Test
    void noConfiguredSecretReachesTheLogEvenFromACarelessTechnology() throws InterruptedException {
        String canary = TestServer.CANARIES.get(0);
        client.post(
                "/v1/provision",
                Requests.provisioning("alpha", "careless", Map.of("name", canary, "leakSecret", true)));

        log.awaitLine(line -> "dev.meshprov.upstream".equals(text(line, "logger"))
                && text(line, "target").startsWith("/things/***"));
        log.awaitLine(line -> text(line, "message").startsWith("POST /v1/provision 200"));
        assertThat(log.text()).doesNotContain(TestServer.CANARIES);
    }

    private static String text(JsonNode line, String field) {
        return line.path(field).asText();
    }
}
