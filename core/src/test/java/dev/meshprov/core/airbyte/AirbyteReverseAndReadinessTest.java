package dev.meshprov.core.airbyte;

import static dev.meshprov.core.airbyte.AirbyteProvisioningTest.privateInfo;
import static dev.meshprov.core.airbyte.DescriptorReadingTest.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.CollectingOperationLog;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reverse provisioning, the online workspace check of validation, and readiness. */
class AirbyteReverseAndReadinessTest {

    private final InMemoryAirbyteGateway gateway =
            new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE, AirbyteTestData.PRODUCTION_WORKSPACE);
    private final Redactor redactor = new Redactor();
    private final AirbyteTechnology technology = new AirbyteTechnology(AirbyteTestData.settings(), gateway, redactor);
    private final CollectingOperationLog log = new CollectingOperationLog();

    @Test
    void aConnectionIsImportedByIdWithoutSecretsOrServerSettings() {
        redactor.register(AirbyteTestData.SNOWFLAKE_PASSWORD);
        ProvisionResult provisioned = provision(AirbyteTestData.EXTENDED);

        JsonNode specific =
                reverse(params("connectionId", privateInfo(provisioned).get("connectionId")), "production");

        assertThat(specific.path("source").path("name").asText()).isEqualTo("finance.cashflow.1.Deals CSV");
        assertThat(specific.path("source").has("definitionId")).isFalse();
        assertThat(specific.path("source")
                        .path("connectionConfiguration")
                        .path("encoding")
                        .asText())
                .isEqualTo("latin1");
        assertThat(specific.path("source").path("connectionConfiguration").has("reader_options"))
                .as("the server default is not copied into the descriptor")
                .isFalse();
        JsonNode destination = specific.path("destination").path("connectionConfiguration");
        assertThat(destination.path("database").asText()).isEqualTo("FINANCE");
        assertThat(destination.has("credentials")).isFalse();
        assertThat(destination.has("host")).isFalse();
        assertThat(destination.has("username")).isFalse();
        JsonNode connection = specific.path("connection");
        assertThat(connection.path("schedule").toString())
                .isEqualTo("{\"type\":\"cron\",\"cronExpression\":\"0 0 5 * * ?\",\"timeZone\":\"UTC\"}");
        assertThat(connection.path("streams").toString())
                .isEqualTo("[{\"name\":\"deals\",\"syncMode\":\"full_refresh_append\"}]");
        assertThat(connection.path("status").asText()).isEqualTo("inactive");
        assertThat(specific.toString()).doesNotContain(AirbyteTestData.SNOWFLAKE_PASSWORD);
        assertThat(log.text())
                .contains(
                        "Left out of the destination configuration: host (set by the server), role (set by the server)");
    }

    @Test
    void anImportedDescriptorProvisionsToTheSameEntities() {
        provision(AirbyteTestData.TEMPLATE);
        int writes = gateway.writes();
        JsonNode specific = reverse(params("connectionName", "healthcare.vaccinations.0.File <> Snowflake"), "");

        var roundTrip = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .set("specific", specific.toString())
                .request();
        technology.provision(valid(technology.validate(roundTrip, Operation.PROVISION)), log);

        assertThat(gateway.writes()).isEqualTo(writes);
    }

    @Test
    void secretsOfOtherConnectorsAreLeftOut() {
        ObjectNode configuration = Jsons.object().put("host", "db.example.org").put("password", "pg-Canary-Secret");
        String sourceId = gateway.seed(ConnectorKind.SOURCE, AirbyteTestData.WORKSPACE, "pg", configuration);
        String destinationId = gateway.seed(ConnectorKind.DESTINATION, AirbyteTestData.WORKSPACE, "bq", Jsons.object());
        Connection connection = gateway.createConnection(
                        AirbyteTestData.WORKSPACE,
                        new ConnectionDraft(
                                "pg <> bq",
                                sourceId,
                                destinationId,
                                Schedule.manual(),
                                java.util.List.of(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty()))
                .get();

        JsonNode specific = reverse(params("connectionId", connection.id()), "");

        JsonNode source = specific.path("source");
        assertThat(source.path("definitionId").asText()).isNotBlank();
        assertThat(source.path("connectionConfiguration").toString()).isEqualTo("{\"host\":\"db.example.org\"}");
        assertThat(log.text()).contains("password (secret)").doesNotContain("pg-Canary-Secret");
    }

    @Test
    void badParamsAndUnknownConnectionsAreProblemsOfTheRequest() {
        assertThat(reverseProblems(params("connectionId", "42")))
                .singleElement()
                .satisfies(
                        p -> assertThat(p.describe()).isEqualTo("params.connectionId: is '42', which is not a UUID"));
        assertThat(reverseProblems(Jsons.object())).singleElement().satisfies(p -> assertThat(p.message())
                .contains("names no connection"));
        assertThat(reverseProblems(params("connectionId", UUID.randomUUID().toString())))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("params.connectionId");
                    assertThat(p.isUpstream()).isFalse();
                });
        gateway.failNext("connectionsNamed", new UpstreamFailure.TimedOut("Airbyte", "GET /v1/connections", "10s"));
        assertThat(reverseProblems(params("connectionName", "x")))
                .singleElement()
                .satisfies(p -> assertThat(p.isUpstream()).isTrue());
    }

    @Test
    void validationChecksThatTheWorkspaceIsReadable() {
        InMemoryAirbyteGateway empty = new InMemoryAirbyteGateway();
        AirbyteTechnology unreachable = new AirbyteTechnology(AirbyteTestData.settings(), empty, redactor);

        Seq<Problem> defaultWorkspace = unreachable
                .validate(AirbyteTestData.request(AirbyteTestData.TEMPLATE), Operation.VALIDATE)
                .getError();
        Seq<Problem> production = unreachable
                .validate(AirbyteTestData.request(AirbyteTestData.EXTENDED), Operation.PROVISION)
                .getError();

        assertThat(defaultWorkspace.toJavaList()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("airbyte.workspaceId");
            assertThat(problem.isUpstream()).isTrue();
            assertThat(problem.upstream().orElseThrow()).isInstanceOf(UpstreamFailure.NotFound.class);
        });
        assertThat(production.head().field()).isEqualTo("airbyte.environments.production.workspaceId");
    }

    @Test
    void readinessReportsEachWorkspace() {
        Readiness ready = technology.readiness();
        Readiness notReady = new AirbyteTechnology(
                        AirbyteTestData.settings(), new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE), redactor)
                .readiness();

        assertThat(ready.ready()).isTrue();
        assertThat(ready.detail()).contains(AirbyteTestData.WORKSPACE).contains(AirbyteTestData.PRODUCTION_WORKSPACE);
        assertThat(notReady.ready()).isFalse();
        assertThat(notReady.detail()).contains("not found");
    }

    private ProvisionResult provision(String fixture) {
        return technology
                .provision(valid(technology.validate(AirbyteTestData.request(fixture), Operation.PROVISION)), log)
                .get();
    }

    private JsonNode reverse(JsonNode params, String environment) {
        Validation<Seq<Problem>, ReverseProvisioningResult> result = technology.reverse(
                new ReverseProvisioningRequest(
                        "urn:dmb:utm:airbyte-standard:0.0.0", environment, params, Jsons.object()),
                log);
        if (result.isInvalid()) {
            throw new AssertionError(result.getError().map(Problem::describe).mkString("; "));
        }
        assertThat(result.get().updates()).containsOnlyKeys("spec.mesh.specific");
        return Jsons.MAPPER.valueToTree(result.get().updates().get("spec.mesh.specific"));
    }

    private java.util.List<Problem> reverseProblems(JsonNode params) {
        return technology
                .reverse(
                        new ReverseProvisioningRequest(
                                "urn:dmb:utm:airbyte-standard:0.0.0", "", params, Jsons.object()),
                        log)
                .getError()
                .toJavaList();
    }

    private static ObjectNode params(String key, String value) {
        return Jsons.object().put(key, value);
    }
}
