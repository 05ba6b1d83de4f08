package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.airbyte.FakeAirbyteServer.Fault;
import dev.meshprov.core.airbyte.AirbyteSpec;
import dev.meshprov.core.airbyte.AirbyteTestData;
import dev.meshprov.core.airbyte.AirbyteTestData.Descriptor;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.CollectingOperationLog;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Airbyte technology as the provider builds it, against the local Airbyte server: what provisioning really sends
 * over HTTP, counted on the server.
 */
class AirbyteOverHttpTest {

    static final String WORKSPACE = AirbyteTestData.WORKSPACE;
    static final String SNOWFLAKE_YAML = "snowflake: {host: acme.snowflakecomputing.com, role: AIRBYTE_ROLE,"
            + " warehouse: AIRBYTE_WH, username: AIRBYTE_USER, password: '" + AirbyteTestData.SNOWFLAKE_PASSWORD
            + "'}\n";

    static final String KEY_PAIR_YAML = "snowflake: {host: acme.snowflakecomputing.com, role: AIRBYTE_ROLE,"
            + " warehouse: AIRBYTE_WH, username: AIRBYTE_USER, privateKey: \""
            + AirbyteTestData.SNOWFLAKE_PRIVATE_KEY.replace("\n", "\\n")
            + "\"}\n";

    private final FakeAirbyteServer server = FakeAirbyteServer.start().workspace(WORKSPACE, "data products");
    private final CollectingUpstreamObserver observer = new CollectingUpstreamObserver();
    private final CollectingOperationLog log = new CollectingOperationLog();
    private Technology<AirbyteSpec> technology = technology(SNOWFLAKE_YAML);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createsEverythingFromScratch() {
        ProvisionResult result = provisioned(template());

        ObjectNode destination = server.stored("destinations").get(0);
        assertThat(server.stored("sources")).hasSize(1);
        assertThat(server.stored("connections")).hasSize(1);
        assertThat(destination.path("configuration").path("database").asText()).isEqualTo("HEALTHCARE");
        assertThat(destination.path("configuration").path("host").asText()).isEqualTo("acme.snowflakecomputing.com");
        assertThat(destination
                        .path("configuration")
                        .path("credentials")
                        .path("password")
                        .asText())
                .isEqualTo(AirbyteTestData.SNOWFLAKE_PASSWORD);
        String connectionId = privateInfo(result).get("connectionId");
        assertThat(result.info().orElseThrow().publicInfo().get("connection"))
                .isEqualTo(InfoEntry.link(
                        "Airbyte connection",
                        "healthcare.vaccinations.0.File <> Snowflake",
                        server.apiUrl().replace("/api/public", "") + "/workspaces/" + WORKSPACE + "/connections/"
                                + connectionId));
        assertThat(server.requests())
                .contains(
                        "POST /v1/sources",
                        "POST /v1/destinations",
                        "POST /v1/connections",
                        "GET /v1/workspaces/" + WORKSPACE);
    }

    @Test
    void provisioningAgainUnchangedMakesZeroWrites() {
        ProvisionResult first = provisioned(template());
        int writes = server.writes();

        provisioned(template().previousPrivateInfo(privateInfo(first)));
        provisioned(template());

        assertThat(server.writes()).isEqualTo(writes);
    }

    @Test
    void aChangedScheduleIsOnePatchThatKeepsTheConnectionId() {
        ProvisionResult first = provisioned(template());
        int writes = server.writes();
        int requests = server.requests().size();

        ProvisionResult second = provisioned(template()
                .set("specific.connection.schedule", "{type: cron, cronExpression: '0 0 6 * * ?'}")
                .previousPrivateInfo(privateInfo(first)));

        String connectionId = privateInfo(first).get("connectionId");
        assertThat(server.writes()).isEqualTo(writes + 1);
        assertThat(server.requests().subList(requests, server.requests().size()))
                .filteredOn(request -> !request.startsWith("GET"))
                .containsExactly("PATCH /v1/connections/" + connectionId);
        assertThat(privateInfo(second).get("connectionId")).isEqualTo(connectionId);
        assertThat(server.stored("connections").get(0).path("schedule").toString())
                .as("stored as the public API stores it: without the UTC, in UTC")
                .isEqualTo("{\"scheduleType\":\"cron\",\"cronExpression\":\"0 0 6 * * ?\",\"cronTimeZone\":\"UTC\"}");
    }

    @Test
    void aSwitchFromCsvToJsonRemovesTheReaderOptionsInAirbyteWithOnePut() {
        ProvisionResult csv = provisioned(template());
        String sourceId = privateInfo(csv).get("sourceId");
        int requests = server.requests().size();

        ProvisionResult json = provisioned(template()
                .set("specific.source.connectionConfiguration.format", "json")
                .previousPrivateInfo(privateInfo(csv)));
        int writes = server.writes();
        provisioned(template()
                .set("specific.source.connectionConfiguration.format", "json")
                .previousPrivateInfo(privateInfo(json)));

        ObjectNode stored = server.stored("sources").get(0);
        assertThat(stored.path("configuration").path("format").asText()).isEqualTo("json");
        assertThat(stored.path("configuration").has("reader_options"))
                .as("PATCH would merge and keep it; the removal needs a PUT")
                .isFalse();
        assertThat(server.requests().subList(requests, server.requests().size()))
                .filteredOn(request -> !request.startsWith("GET"))
                .containsExactly("PUT /v1/sources/" + sourceId);
        assertThat(server.writes())
                .as("nothing changed the third time: no write")
                .isEqualTo(writes);
    }

    @Test
    void aSwitchFromPasswordToKeyPairRemovesThePasswordInAirbyte() {
        ProvisionResult password = provisioned(template());
        technology = technology(KEY_PAIR_YAML);

        provisioned(template().previousPrivateInfo(privateInfo(password)));

        ObjectNode credentials = (ObjectNode)
                server.stored("destinations").get(0).path("configuration").path("credentials");
        assertThat(credentials.path("auth_type").asText()).isEqualTo("Key Pair Authentication");
        assertThat(credentials.path("private_key").asText()).isEqualTo(AirbyteTestData.SNOWFLAKE_PRIVATE_KEY);
        assertThat(credentials.has("password"))
                .as("the old password must not stay in Airbyte")
                .isFalse();
    }

    @Test
    void withAPasswordAndAPrivateKeyTheKeyPairIsSentAndThePasswordIsWarnedAbout() {
        technology = technology(KEY_PAIR_YAML.replace(
                "privateKey:", "password: '" + AirbyteTestData.SNOWFLAKE_PASSWORD + "', privateKey:"));

        provisioned(template());

        ObjectNode credentials = (ObjectNode)
                server.stored("destinations").get(0).path("configuration").path("credentials");
        assertThat(credentials.path("auth_type").asText()).isEqualTo("Key Pair Authentication");
        assertThat(credentials.has("password")).isFalse();
        assertThat(technology.configurationWarnings())
                .singleElement()
                .asString()
                .contains("airbyte.snowflake.password is ignored");
        assertThat(log.text()).doesNotContain("deprecated");
    }

    @Test
    void aPasswordOnlyIsWarnedAboutInTheProvisionLog() {
        provisioned(template());

        assertThat(log.lines())
                .contains("WARNING [destination] " + dev.meshprov.core.airbyte.SnowflakeSettings.PASSWORD_DEPRECATION);
    }

    @Test
    void entitiesAreFoundAcrossPagesAmong45Others() {
        server.maxPageSize(20);
        for (int i = 0; i < 45; i++) {
            server.seed("sources", WORKSPACE, "another team's source " + i, JsonNodeFactory.instance.objectNode());
        }
        provisioned(template());
        int writes = server.writes();

        provisioned(template());

        assertThat(server.writes()).isEqualTo(writes);
        assertThat(server.stored("sources")).hasSize(46);
        assertThat(server.requests())
                .contains("GET /v1/sources?workspaceIds=" + WORKSPACE + "&limit=100&offset=20")
                .contains("GET /v1/sources?workspaceIds=" + WORKSPACE + "&limit=100&offset=40");
    }

    @Test
    void recordedIdsNeedNoListCallsWhateverTheWorkspaceSize() {
        server.maxPageSize(20);
        for (int i = 0; i < 45; i++) {
            server.seed("sources", WORKSPACE, "another team's source " + i, JsonNodeFactory.instance.objectNode());
        }
        ProvisionResult first = provisioned(template());
        int lists = server.lists();

        provisioned(template().previousPrivateInfo(privateInfo(first)));
        unprovisioned(template().previousPrivateInfo(privateInfo(first)));

        assertThat(server.lists()).isEqualTo(lists);
    }

    @Test
    void twoSourcesWithTheNameAreAClearErrorNamingBoth() {
        String first = server.seed(
                "sources", WORKSPACE, "healthcare.vaccinations.0.Vaccinations", JsonNodeFactory.instance.objectNode());
        String second = server.seed(
                "sources", WORKSPACE, "healthcare.vaccinations.0.Vaccinations", JsonNodeFactory.instance.objectNode());

        UpstreamFailure failure = failed(template());

        assertThat(failure).isInstanceOf(UpstreamFailure.Conflict.class);
        assertThat(failure.describe())
                .contains("2 sources in workspace " + WORKSPACE + " are named 'healthcare.vaccinations.0.Vaccinations'")
                .contains(first)
                .contains(second);
        assertThat(server.writes()).isZero();
    }

    @Test
    void aCreateThatTimesOutButSucceededUpstreamIsNotDuplicated() {
        server.fail(Fault.slow("POST", "/v1/sources", Duration.ofMillis(1500)), 1);

        provisioned(template());

        assertThat(server.stored("sources")).hasSize(1);
        assertThat(outcomes("POST /v1/sources")).containsExactly("timeout");
        assertThat(observer.calls())
                .extracting(UpstreamCall::operation)
                .containsSubsequence("POST /v1/sources", "GET /v1/sources", "POST /v1/destinations");
    }

    @Test
    void aProvisionInterruptedAfterTheSourceIsCompletedByTheNextWithoutDuplicates() {
        server.fail(Fault.status("POST", "/v1/destinations", 400), 1);

        UpstreamFailure interrupted = failed(template());

        assertThat(interrupted).isInstanceOf(UpstreamFailure.Rejected.class);
        assertThat(server.stored("sources")).hasSize(1);
        assertThat(server.stored("destinations")).isEmpty();
        String orphan = server.stored("sources").get(0).path("sourceId").asText();

        ProvisionResult completed = provisioned(template());

        assertThat(server.stored("sources")).hasSize(1);
        assertThat(server.stored("destinations")).hasSize(1);
        assertThat(server.stored("connections")).hasSize(1);
        assertThat(privateInfo(completed)).containsEntry("sourceId", orphan);
    }

    @Test
    void unprovisioningTwiceSucceeds() {
        ProvisionResult first = provisioned(template());

        ProvisionResult removed = unprovisioned(template().previousPrivateInfo(privateInfo(first)));
        ProvisionResult again = unprovisioned(template().previousPrivateInfo(privateInfo(first)));

        assertThat(server.stored("sources")).isEmpty();
        assertThat(server.stored("destinations")).isEmpty();
        assertThat(server.stored("connections")).isEmpty();
        assertThat(removed.message()).contains("connection deleted, destination deleted, source deleted");
        assertThat(again.message()).contains("connection already gone, destination already gone, source already gone");
        assertThat(server.requests())
                .contains("DELETE /v1/connections/" + privateInfo(first).get("connectionId"));
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallRepeated() {
        server.requireClientCredentials("meshprov-app", "Client-Canary-S3cret", 3600);
        technology = technology(SNOWFLAKE_YAML
                + "auth: {type: clientCredentials, clientId: meshprov-app, clientSecret: Client-Canary-S3cret}\n");
        ProvisionResult first = provisioned(template());
        assertThat(server.tokenRequests()).isEqualTo(1);

        server.expireTokens();
        provisioned(template().previousPrivateInfo(privateInfo(first)));

        assertThat(server.tokenRequests()).isEqualTo(2);
        assertThat(observer.attempts())
                .containsSubsequence(
                        "GET /v1/workspaces/{workspaceId} 401",
                        "POST /v1/applications/token 200",
                        "GET /v1/workspaces/{workspaceId} 200");
    }

    @Test
    void wrongClientCredentialsAreAnUpstreamProblemNotAnInvalidDescriptor() {
        server.requireClientCredentials("meshprov-app", "the-right-secret", 3600);
        technology = technology(SNOWFLAKE_YAML
                + "auth: {type: clientCredentials, clientId: meshprov-app, clientSecret: Client-Canary-S3cret}\n");

        Validation<io.vavr.collection.Seq<Problem>, AirbyteSpec> validation =
                technology.validate(template().request(), Operation.PROVISION);

        Problem problem = validation.getError().single();
        assertThat(problem.isUpstream()).isTrue();
        assertThat(problem.message())
                .contains("POST /v1/applications/token failed (unauthorized): HTTP 401")
                .doesNotContain("Client-Canary-S3cret");
    }

    @Test
    void aConfigurationTheConnectorRefusesIsAValidationProblemAndNothingIsSent() {
        Validation<io.vavr.collection.Seq<Problem>, AirbyteSpec> validation = technology.validate(
                template()
                        .set("specific.source.connectionConfiguration.provider.user_agent", "'no'")
                        .request(),
                Operation.PROVISION);

        Problem problem = validation.getError().single();
        assertThat(problem.field()).endsWith("specific.source.connectionConfiguration.provider.user_agent");
        assertThat(problem.message()).contains("source-file specification").contains("boolean expected");
        assertThat(problem.solution()).contains("Write it as a boolean");
        assertThat(server.requests()).noneMatch(request -> request.startsWith("POST"));
    }

    @Test
    void theFormatsAreTheConnectorsOwnFwfIncluded() {
        Problem unknown = technology
                .validate(
                        template()
                                .set("specific.source.connectionConfiguration.format", "xml")
                                .request(),
                        Operation.VALIDATE)
                .getError()
                .single();

        provisioned(template().set("specific.source.connectionConfiguration.format", "fwf"));

        assertThat(unknown.field()).endsWith("specific.source.connectionConfiguration.format");
        assertThat(unknown.solution()).contains("csv, json, jsonl, excel, excel_binary, fwf, feather, parquet, yaml");
        assertThat(server.stored("sources")
                        .get(0)
                        .path("configuration")
                        .path("format")
                        .asText())
                .isEqualTo("fwf");
    }

    @Test
    void aRefusalByAirbyteIsReportedWithItsMessage() {
        server.fail(Fault.refuse("POST", "/v1/sources", 422, "$.url: the connector cannot read this file"), 1);

        UpstreamFailure failure = failed(template());

        assertThat(failure).isInstanceOf(UpstreamFailure.Rejected.class);
        assertThat(failure.describe())
                .isEqualTo("Airbyte POST /v1/sources failed (rejected, 422): HTTP 422: unprocessable-entity - The body"
                        + " of the request was not understood - $.url: the connector cannot read this file");
        assertThat(server.stored("sources")).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private Technology<AirbyteSpec> technology(String extraYaml) {
        TechnologyProvider provider = ServiceLoader.load(TechnologyProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.descriptor().name().equals("airbyte"))
                .findFirst()
                .orElseThrow();
        var created = provider.create(
                TestGateways.section(server, WORKSPACE, extraYaml),
                TestGateways.context(Clock.systemUTC(), new Redactor(), observer));
        assertThat(created.isValid())
                .as("configuration problems: %s", created.isInvalid() ? created.getError() : "")
                .isTrue();
        return (Technology<AirbyteSpec>) created.get();
    }

    static Descriptor template() {
        return AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE);
    }

    private AirbyteSpec spec(Descriptor descriptor, Operation operation) {
        var validation = technology.validate(descriptor.request(), operation);
        if (validation.isInvalid()) {
            throw new AssertionError(
                    validation.getError().map(Problem::describe).mkString("; "));
        }
        return validation.get();
    }

    private ProvisionResult provisioned(Descriptor descriptor) {
        Either<UpstreamFailure, ProvisionResult> result =
                technology.provision(spec(descriptor, Operation.PROVISION), log);
        if (result.isLeft()) {
            throw new AssertionError(result.getLeft().describe());
        }
        return result.get();
    }

    private ProvisionResult unprovisioned(Descriptor descriptor) {
        return technology
                .unprovision(spec(descriptor, Operation.UNPROVISION), log)
                .get();
    }

    private UpstreamFailure failed(Descriptor descriptor) {
        Either<UpstreamFailure, ProvisionResult> result =
                technology.provision(spec(descriptor, Operation.PROVISION), log);
        assertThat(result.isLeft()).as("provisioning should fail").isTrue();
        return result.getLeft();
    }

    private List<String> outcomes(String operation) {
        return observer.calls().stream()
                .filter(call -> call.operation().equals(operation))
                .map(UpstreamCall::outcome)
                .toList();
    }

    static Map<String, String> privateInfo(ProvisionResult result) {
        Map<String, String> values = new HashMap<>();
        result.info().orElseThrow().privateInfo().forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }
}
