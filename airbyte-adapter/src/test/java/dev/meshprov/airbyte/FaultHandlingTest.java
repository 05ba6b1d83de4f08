package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.airbyte.FakeAirbyteServer.Fault;
import dev.meshprov.core.airbyte.AirbyteSettings;
import dev.meshprov.core.airbyte.AirbyteTestData;
import dev.meshprov.core.airbyte.Connection;
import dev.meshprov.core.airbyte.ConnectionDraft;
import dev.meshprov.core.airbyte.Connector;
import dev.meshprov.core.airbyte.ConnectorKind;
import dev.meshprov.core.airbyte.ConnectorSpec;
import dev.meshprov.core.airbyte.Schedule;
import dev.meshprov.core.airbyte.StreamConfig;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.BlackHole;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import dev.meshprov.core.testing.MutableClock;
import io.vavr.control.Either;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retries, time-outs, resets and error answers, one call at a time, with the waits recorded instead of slept and
 * every attempt seen by the observer.
 */
class FaultHandlingTest {

    private static final String WORKSPACE = "2d0c7a3e-9f1b-4a5c-8e6d-1f2a3b4c5d6e";

    private final FakeAirbyteServer server = FakeAirbyteServer.start().workspace(WORKSPACE, "faults");
    private final CollectingUpstreamObserver observer = new CollectingUpstreamObserver();
    private final TestGateways.RecordingSleeper sleeper = new TestGateways.RecordingSleeper();
    /**
     * A read time-out short enough for the slow-answer tests; the other tests use a generous one, so that a loaded
     * machine cannot turn their answers into time-outs.
     */
    private static final String IMPATIENT = "timeouts: {connect: 2s, read: 1s}\n";

    private static final Duration SLOWER_THAN_IMPATIENT = Duration.ofSeconds(4);

    private final FeignAirbyteGateway gateway = gateway(server.apiUrl(), "");

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackoff() {
        server.fail(Fault.status("GET", "/v1/workspaces/.*", 503), 2);

        assertThat(gateway.workspace(WORKSPACE).isRight()).isTrue();

        assertThat(observer.calls())
                .extracting(UpstreamCall::outcome, UpstreamCall::attempt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("503", 1),
                        org.assertj.core.groups.Tuple.tuple("503", 2),
                        org.assertj.core.groups.Tuple.tuple("200", 3));
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(2), Duration.ofMillis(5));
        assertThat(sleeper.waits().get(1)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void everyAttemptIsReportedWithOperationTemplateAndPlainTarget() {
        String id = UUID.randomUUID().toString();
        gateway.findConnector(ConnectorKind.SOURCE, id);
        gateway.connectorsNamed(ConnectorKind.DESTINATION, WORKSPACE, "x");

        assertThat(observer.calls()).extracting(UpstreamCall::system).containsOnly("Airbyte");
        assertThat(observer.calls())
                .extracting(UpstreamCall::operation, UpstreamCall::target, UpstreamCall::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET /v1/sources/{sourceId}", "/v1/sources/" + id, "404"),
                        org.assertj.core.groups.Tuple.tuple("GET /v1/destinations", "/v1/destinations", "200"));
        assertThat(observer.calls())
                .allSatisfy(call -> assertThat(call.duration()).isPositive());
    }

    @Test
    void aReadinessProbeMakesOneQuickAttempt() {
        server.fail(Fault.status("GET", "/v1/workspaces/.*", 503), 1);

        UpstreamFailure failure = gateway.probe(WORKSPACE).getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
        assertThat(observer.calls()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
        assertThat(gateway.probe(WORKSPACE).get().name()).isEqualTo("faults");
    }

    @Test
    void aRateLimitHonoursRetryAfter() {
        server.fail(Fault.rateLimited("GET", "/v1/workspaces/.*", 2), 1);

        assertThat(gateway.workspace(WORKSPACE).isRight()).isTrue();

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(observer.calls()).extracting(UpstreamCall::outcome).containsExactly("429", "200");
    }

    @Test
    void aRetryAfterBeyondTheLimitIsCapped() {
        FeignAirbyteGateway capped = gateway(
                server.apiUrl(),
                "retries: {maxAttempts: 2, initialBackoff: 5ms," + " maxBackoff: 20ms, maxRetryAfter: 3s}\n");
        server.fail(Fault.rateLimited("GET", "/v1/workspaces/.*", 3600), 1);

        assertThat(capped.workspace(WORKSPACE).isRight()).isTrue();

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void persistentFailuresStopAfterTheLastAttempt() {
        server.fail(Fault.status("GET", "/v1/workspaces/.*", 502), 5);

        UpstreamFailure failure = gateway.workspace(WORKSPACE).getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
        assertThat(failure.describe())
                .isEqualTo("Airbyte GET /v1/workspaces/" + WORKSPACE
                        + " failed (unavailable): HTTP 502: unexpected-problem - An unexpected problem has occurred. If this"
                        + " is an error that needs to be addressed, please submit a pull request or github issue.");
        assertThat(observer.calls()).hasSize(3);
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        FeignAirbyteGateway impatient = gateway(server.apiUrl(), IMPATIENT);
        server.fail(Fault.slow("GET", "/v1/workspaces/.*", SLOWER_THAN_IMPATIENT), 1);

        assertThat(impatient.workspace(WORKSPACE).isRight()).isTrue();

        assertThat(observer.calls()).extracting(UpstreamCall::outcome).containsExactly("timeout", "200");
    }

    @Test
    void anAnswerThatNeverComesInTimeIsATimeOut() {
        FeignAirbyteGateway impatient = gateway(
                server.apiUrl(), IMPATIENT + "retries: {maxAttempts: 2, initialBackoff: 5ms, maxBackoff: 20ms}\n");
        server.fail(Fault.slow("GET", "/v1/connections/.*", SLOWER_THAN_IMPATIENT), 2);

        UpstreamFailure failure =
                impatient.findConnection(UUID.randomUUID().toString()).getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.TimedOut.class);
        assertThat(failure.describe()).contains("GET /v1/connections/").contains("no answer in time");
        assertThat(observer.calls()).extracting(UpstreamCall::outcome).containsExactly("timeout", "timeout");
    }

    @Test
    void aCreateWhoseConnectionDroppedIsLookedUpThenRetried() {
        server.fail(Fault.drop("POST", "/v1/sources"), 1);

        gateway.createConnector(ConnectorKind.SOURCE, WORKSPACE, fileSource("dropped"))
                .get();

        assertThat(server.stored("sources")).hasSize(1);
        assertThat(observer.attempts())
                .containsExactly("POST /v1/sources io-error", "GET /v1/sources 200", "POST /v1/sources 200");
    }

    @Test
    void aResetConnectionIsUnavailableAfterTheRetries() throws Exception {
        try (ResettingServer resetting = new ResettingServer()) {
            FeignAirbyteGateway reset = gateway(resetting.url(), "");

            UpstreamFailure failure = reset.workspace(WORKSPACE).getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
            assertThat(failure.describe()).contains("connection failed");
            assertThat(observer.calls())
                    .extracting(UpstreamCall::outcome)
                    .containsExactly("io-error", "io-error", "io-error");
            assertThat(resetting.connections()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aRefusedConnectionIsUnavailableAndEvenACreateIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FeignAirbyteGateway refused = gateway("http://127.0.0.1:" + closedPort + "/api/public", "");

        UpstreamFailure failure = refused.createConnector(ConnectorKind.SOURCE, WORKSPACE, fileSource("refused"))
                .getLeft();

        assertThat(failure.describe())
                .contains("cannot connect to http://127.0.0.1:" + closedPort + "/api/public/v1/sources");
        assertThat(observer.calls()).extracting(UpstreamCall::operation).containsOnly("POST /v1/sources");
        assertThat(observer.calls()).hasSize(3);
    }

    @Test
    void aConnectionNeverEstablishedTimesOutAndEvenACreateIsRetriedWithoutALookup() {
        try (BlackHole hole = new BlackHole()) {
            FeignAirbyteGateway unreachable =
                    gateway(hole.endpoint() + "/api/public", "timeouts: {connect: 300ms, read: 5s}\n");

            UpstreamFailure failure = unreachable
                    .createConnector(ConnectorKind.SOURCE, WORKSPACE, fileSource("unreachable"))
                    .getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.TimedOut.class);
            assertThat(failure.describe())
                    .startsWith("Airbyte POST /v1/sources failed (timed out): no connection in time")
                    .contains("HttpConnectTimeoutException");
            assertThat(observer.attempts())
                    .containsExactly(
                            "POST /v1/sources timeout", "POST /v1/sources timeout", "POST /v1/sources timeout");
            assertThat(sleeper.waits()).hasSize(2);
        }
    }

    @Test
    void aCreateThatFailedIsLookedUpBeforeItIsTriedAgain() {
        server.fail(Fault.status("POST", "/v1/sources", 500), 1);

        Connector created = gateway.createConnector(ConnectorKind.SOURCE, WORKSPACE, fileSource("retried"))
                .get();

        assertThat(server.stored("sources")).singleElement().satisfies(stored -> assertThat(
                        stored.path("sourceId").asText())
                .isEqualTo(created.id()));
        assertThat(observer.attempts())
                .containsExactly("POST /v1/sources 500", "GET /v1/sources 200", "POST /v1/sources 200");
    }

    @Test
    void aRateLimitedCreateIsRetriedWithoutALookup() {
        server.fail(Fault.rateLimited("POST", "/v1/destinations", 1), 1);

        gateway.createConnector(ConnectorKind.DESTINATION, WORKSPACE, AirbyteTestData.snowflakeDestination("limited"))
                .get();

        assertThat(observer.calls()).extracting(UpstreamCall::outcome).containsExactly("429", "200");
    }

    @Test
    void startingASyncIsNeverRepeatedBlindly() {
        Connection connection = connection();
        observer.calls();
        server.fail(Fault.status("POST", "/v1/jobs", 502), 1);

        UpstreamFailure failure = gateway.startSync(connection.id()).getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
        assertThat(observer.calls())
                .filteredOn(call -> call.operation().equals("POST /v1/jobs"))
                .hasSize(1);
    }

    @Test
    void errorAnswersBecomePreciseFailures() {
        String unknown = UUID.randomUUID().toString();
        Connection connection = connection();
        gateway.startSync(connection.id());

        assertThat(gateway.updateConnection(unknown, dev.meshprov.core.airbyte.ConnectionPatch.none())
                        .getLeft())
                .isInstanceOf(UpstreamFailure.NotFound.class)
                .extracting(UpstreamFailure::describe)
                .isEqualTo("Airbyte PATCH /v1/connections/" + unknown + " failed (not found): HTTP 404:"
                        + " resource-not-found - The requested resource could not be found.");
        assertThat(gateway.startSync(connection.id()).getLeft())
                .isInstanceOf(UpstreamFailure.Conflict.class)
                .extracting(UpstreamFailure::detail)
                .isEqualTo("HTTP 409: state-conflict - State conflict - A sync is already running for: "
                        + connection.id());
        ObjectNode badFormat = AirbyteTestData.fileConfiguration("data").put("format", "xml");
        UpstreamFailure rejected = gateway.createConnector(
                        ConnectorKind.SOURCE,
                        WORKSPACE,
                        new ConnectorSpec(
                                "bad",
                                Optional.of(AirbyteSettings.DEFAULT_FILE_DEFINITION_ID),
                                Optional.empty(),
                                badFormat))
                .getLeft();
        assertThat(rejected).isInstanceOfSatisfying(UpstreamFailure.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.detail())
                    .startsWith("HTTP 422: unprocessable-entity - The body of the request was not understood - json"
                            + " schema validation failed")
                    .contains("$.format: does not have a value in the enumeration [\"csv\", \"json\", \"jsonl\","
                            + " \"excel\", \"excel_binary\", \"fwf\", \"feather\", \"parquet\", \"yaml\"]");
        });
        assertThat(server.takeViolations())
                .as("the configuration was refused on purpose")
                .singleElement()
                .satisfies(violation -> assertThat(violation.kind()).isEqualTo("refused"));
    }

    @Test
    void unauthorizedIsNotRetriedWithAStaticToken() {
        server.requireBearer("the-right-token");
        FeignAirbyteGateway wrong = gateway(server.apiUrl(), "auth: {type: bearer, token: a-wrong-token}\n");

        UpstreamFailure failure = wrong.workspace(WORKSPACE).getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(failure.describe()).contains("check airbyte.auth").doesNotContain("a-wrong-token");
        assertThat(observer.calls()).hasSize(1);
    }

    @Test
    void refusedCredentialsAreUnauthorisedAndAMissingPermissionForbidden() {
        server.fail(Fault.status("GET", "/v1/workspaces/.*", 401), 1);
        server.fail(Fault.status("GET", "/v1/workspaces/.*", 403), 1);

        UpstreamFailure refused = gateway.workspace(WORKSPACE).getLeft();
        UpstreamFailure denied = gateway.workspace(WORKSPACE).getLeft();

        assertThat(refused.kind()).isEqualTo("unauthorized");
        assertThat(refused.detail()).contains("check airbyte.auth: its credentials were refused");
        assertThat(denied.kind()).isEqualTo("forbidden");
        assertThat(denied.detail()).contains("check the permissions of airbyte.auth's user or application");
    }

    @Test
    void basicAndBearerAuthenticationAreSent() {
        server.requireBasic("meshprov", "basic-pass");
        assertThat(gateway(server.apiUrl(), "auth: {type: basic, username: meshprov, password: basic-pass}\n")
                        .workspace(WORKSPACE)
                        .isRight())
                .isTrue();
        server.requireBearer("a-static-token");
        assertThat(gateway(server.apiUrl(), "auth: {type: bearer, token: a-static-token}\n")
                        .workspace(WORKSPACE)
                        .isRight())
                .isTrue();
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpires() {
        server.requireClientCredentials("app", "app-secret", 100);
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        FeignAirbyteGateway withToken = TestGateways.gateway(
                TestGateways.section(
                        server.apiUrl(),
                        WORKSPACE,
                        TestGateways.GENEROUS_TIMEOUTS,
                        "auth: {type: clientCredentials, clientId: app, clientSecret: app-secret}\n"),
                TestGateways.context(clock, new Redactor(), observer),
                sleeper);

        withToken.workspace(WORKSPACE);
        clock.advance(Duration.ofSeconds(80));
        withToken.workspace(WORKSPACE);
        assertThat(server.tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(11));
        withToken.workspace(WORKSPACE);
        assertThat(server.tokenRequests()).isEqualTo(2);
    }

    @Test
    void anUnreadableAnswerIsMalformed() {
        server.fail(Fault.raw("GET", "/v1/workspaces/.*", 200, "<html>proxy login</html>"), 1);

        UpstreamFailure failure = gateway.workspace(WORKSPACE).getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Malformed.class);
        assertThat(failure.describe()).contains("not the expected JSON");
    }

    // ------------------------------------------------------------------ helpers

    private FeignAirbyteGateway gateway(String apiUrl, String extraYaml) {
        return TestGateways.gateway(
                TestGateways.section(apiUrl, WORKSPACE, TestGateways.GENEROUS_TIMEOUTS, extraYaml),
                TestGateways.context(Clock.systemUTC(), new Redactor(), observer),
                sleeper);
    }

    private Connection connection() {
        Connector source = gateway.createConnector(ConnectorKind.SOURCE, WORKSPACE, fileSource("s"))
                .get();
        Connector destination = gateway.createConnector(
                        ConnectorKind.DESTINATION, WORKSPACE, AirbyteTestData.snowflakeDestination("d"))
                .get();
        Either<UpstreamFailure, Connection> created = gateway.createConnection(
                WORKSPACE,
                new ConnectionDraft(
                        "c",
                        source.id(),
                        destination.id(),
                        Schedule.manual(),
                        List.of(StreamConfig.of("data", StreamConfig.DEFAULT_SYNC_MODE)),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        return created.get();
    }

    /** A File source whose stream is {@code data}. */
    private static ConnectorSpec fileSource(String name) {
        return AirbyteTestData.fileSource(name, "data");
    }
}
