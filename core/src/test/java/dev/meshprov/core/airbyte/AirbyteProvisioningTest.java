package dev.meshprov.core.airbyte;

import static dev.meshprov.core.airbyte.DescriptorReadingTest.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.airbyte.AirbyteTestData.Descriptor;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.CollectingOperationLog;
import io.vavr.control.Either;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provisioning through the gateway port: create, update in place, find, replace, sync, fail and recover. */
class AirbyteProvisioningTest {

    private final InMemoryAirbyteGateway gateway =
            new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE, AirbyteTestData.PRODUCTION_WORKSPACE);
    private final AirbyteTechnology technology =
            new AirbyteTechnology(AirbyteTestData.settings(), gateway, new Redactor());
    private final CollectingOperationLog log = new CollectingOperationLog();

    @Test
    void createsSourceDestinationAndConnectionFromScratch() {
        ProvisionResult result = provisioned(template());

        Connector source = gateway.stored(ConnectorKind.SOURCE).get(0);
        Connector destination = gateway.stored(ConnectorKind.DESTINATION).get(0);
        Connection connection = gateway.storedConnections().get(0);
        assertThat(source.configuration().path("reader_options").asText())
                .isEqualTo(AirbyteSettings.DEFAULT_FILE_READER_OPTIONS);
        assertThat(destination
                        .configuration()
                        .path("credentials")
                        .path("password")
                        .asText())
                .isEqualTo(AirbyteTestData.SNOWFLAKE_PASSWORD);
        assertThat(connection.sourceId()).isEqualTo(source.id());
        assertThat(connection.destinationId()).isEqualTo(destination.id());
        assertThat(connection.streams()).containsExactly(StreamConfig.of("vaccinations", "full_refresh_overwrite"));
        assertThat(connection.schedule()).isEqualTo(Schedule.manual());

        var info = result.info().orElseThrow();
        assertThat(info.privateInfo())
                .containsEntry("workspaceId", AirbyteTestData.WORKSPACE)
                .containsEntry("sourceId", source.id())
                .containsEntry("destinationId", destination.id())
                .containsEntry("connectionId", connection.id())
                .doesNotContainKey("sourceConfigFingerprint");
        assertThat(String.valueOf(info.privateInfo().get("destinationConfigFingerprint")))
                .startsWith("pbkdf2-sha256:")
                .doesNotContain(AirbyteTestData.SNOWFLAKE_PASSWORD);
        assertThat(info.publicInfo().get("connection"))
                .isEqualTo(InfoEntry.link(
                        "Airbyte connection",
                        "healthcare.vaccinations.0.File <> Snowflake",
                        AirbyteTestData.UI_URL + "/workspaces/" + AirbyteTestData.WORKSPACE + "/connections/"
                                + connection.id()));
        assertThat(info.publicInfo()).containsKeys("source", "destination", "schedule");
        assertThat(log.lines())
                .containsExactly(
                        "INFO [source] Created source 'healthcare.vaccinations.0.Vaccinations' (" + source.id() + ")",
                        "WARNING [destination] " + SnowflakeSettings.PASSWORD_DEPRECATION,
                        "INFO [destination] Created destination 'healthcare.vaccinations.0.Snowflake' ("
                                + destination.id() + ")",
                        "INFO [connection] Created connection 'healthcare.vaccinations.0.File <> Snowflake' ("
                                + connection.id() + "), schedule manual, 1 stream(s)");
        assertThat(result.message()).contains("source created, destination created, connection created");
    }

    @Test
    void provisioningAgainUnchangedWritesNothing() {
        ProvisionResult first = provisioned(template());
        int writes = gateway.writes();

        ProvisionResult second = provisioned(template().previousPrivateInfo(privateInfo(first)));

        assertThat(gateway.writes()).isEqualTo(writes);
        assertThat(second.info()).isEqualTo(first.info());
        assertThat(log.text()).contains("is up to date; nothing sent");
        assertThat(second.message()).contains("source unchanged, destination unchanged, connection unchanged");
    }

    @Test
    void aRotatedSnowflakePasswordIsOnePatchOfTheDestination() {
        ProvisionResult first = provisioned(template());
        int writes = gateway.writes();
        SnowflakeSettings rotated =
                AirbyteTestData.snowflake(java.util.Optional.of("rotated-Passw0rd!"), java.util.Optional.empty());
        AirbyteTechnology afterRotation =
                new AirbyteTechnology(AirbyteTestData.settings().withSnowflake(rotated), gateway, new Redactor());

        AirbyteSpec spec = valid(afterRotation.validate(
                template().previousPrivateInfo(privateInfo(first)).request(), Operation.PROVISION));
        ProvisionResult second = afterRotation.provision(spec, log).get();

        assertThat(gateway.writes()).isEqualTo(writes + 1);
        assertThat(gateway.calls()).filteredOn("updateConnector"::equals).hasSize(1);
        assertThat(gateway.stored(ConnectorKind.DESTINATION)
                        .get(0)
                        .configuration()
                        .path("credentials")
                        .path("password")
                        .asText())
                .isEqualTo("rotated-Passw0rd!");
        assertThat(log.text())
                .contains("configuration secrets (changed since the last run)")
                .doesNotContain("rotated-Passw0rd!");
        assertThat(privateInfo(second).get("destinationConfigFingerprint"))
                .isNotEqualTo(privateInfo(first).get("destinationConfigFingerprint"));
    }

    @Test
    void withoutRecordedIdsTheEntitiesAreFoundByNameAndNothingIsWritten() {
        provisioned(template());
        int writes = gateway.writes();

        provisioned(template());

        assertThat(gateway.writes()).isEqualTo(writes);
        assertThat(gateway.stored(ConnectorKind.SOURCE)).hasSize(1);
    }

    @Test
    void aChangedScheduleIsOnePatchThatKeepsTheConnection() {
        ProvisionResult first = provisioned(template());
        int writes = gateway.writes();

        ProvisionResult second = provisioned(template()
                .set("specific.connection.schedule", "{type: cron, cronExpression: '0 0 6 * * ?'}")
                .previousPrivateInfo(privateInfo(first)));

        assertThat(gateway.writes()).isEqualTo(writes + 1);
        assertThat(gateway.calls()).endsWith("updateConnection");
        assertThat(privateInfo(second).get("connectionId"))
                .isEqualTo(privateInfo(first).get("connectionId"));
        assertThat(gateway.storedConnections().get(0).schedule()).isEqualTo(Schedule.cron("0 0 6 * * ? UTC"));
        assertThat(log.text()).contains("Updated connection").contains("schedule: manual -> cron 0 0 6 * * ? UTC");
    }

    @Test
    void aChangedConfigurationPatchesTheSourceInPlace() {
        ProvisionResult first = provisioned(template());

        ProvisionResult second = provisioned(template()
                .set("specific.source.connectionConfiguration.url", "https://example.org/data/v2.csv")
                .previousPrivateInfo(privateInfo(first)));

        assertThat(privateInfo(second)).isEqualTo(privateInfo(first));
        assertThat(gateway.stored(ConnectorKind.SOURCE)
                        .get(0)
                        .configuration()
                        .path("url")
                        .asText())
                .endsWith("v2.csv");
        assertThat(log.text()).contains("Updated source").contains("differs in configuration.url");
    }

    @Test
    void recordedIdsMakeLookupsIndependentOfTheWorkspaceSize() {
        for (int i = 0; i < 45; i++) {
            gateway.seed(ConnectorKind.SOURCE, AirbyteTestData.WORKSPACE, "other source " + i, Jsons.object());
        }
        ProvisionResult first = provisioned(template());
        int lookups = gateway.nameLookups();

        provisioned(template().previousPrivateInfo(privateInfo(first)));

        assertThat(gateway.nameLookups()).isEqualTo(lookups);
    }

    @Test
    void twoEntitiesWithTheNameAreAnErrorNamingBoth() {
        String first = gateway.seed(
                ConnectorKind.SOURCE,
                AirbyteTestData.WORKSPACE,
                "healthcare.vaccinations.0.Vaccinations",
                Jsons.object());
        String second = gateway.seed(
                ConnectorKind.SOURCE,
                AirbyteTestData.WORKSPACE,
                "healthcare.vaccinations.0.Vaccinations",
                Jsons.object());

        UpstreamFailure failure = failed(template());

        assertThat(failure).isInstanceOf(UpstreamFailure.Conflict.class);
        assertThat(failure.describe()).contains(first).contains(second).contains("does not guess");
        assertThat(gateway.writes()).isZero();
    }

    @Test
    void aSourceDeletedInAirbyteIsRecreatedAndTheConnectionReplaced() {
        ProvisionResult first = provisioned(template());
        String oldSource = privateInfo(first).get("sourceId");
        gateway.removeDirectly(oldSource);

        ProvisionResult second = provisioned(template().previousPrivateInfo(privateInfo(first)));

        String newSource = privateInfo(second).get("sourceId");
        assertThat(newSource).isNotEqualTo(oldSource);
        assertThat(gateway.storedConnections()).singleElement().satisfies(connection -> {
            assertThat(connection.sourceId()).isEqualTo(newSource);
            assertThat(connection.id()).isEqualTo(privateInfo(second).get("connectionId"));
        });
        assertThat(log.text())
                .contains("The source " + oldSource + " recorded by the previous run no longer exists")
                .contains("Deleted connection")
                .contains("it reads from source " + oldSource + ", not " + newSource);
    }

    @Test
    void aFailureMidwayIsFinishedByTheNextRunWithoutDuplicates() {
        gateway.failNext(
                "createConnection", new UpstreamFailure.Unavailable("Airbyte", "POST /v1/connections", "HTTP 503"));

        UpstreamFailure failure = failed(template());
        ProvisionResult retried = provisioned(template());

        assertThat(failure.describe()).contains("POST /v1/connections").contains("HTTP 503");
        assertThat(gateway.stored(ConnectorKind.SOURCE)).hasSize(1);
        assertThat(gateway.stored(ConnectorKind.DESTINATION)).hasSize(1);
        assertThat(gateway.storedConnections()).hasSize(1);
        assertThat(retried.message()).contains("source unchanged").contains("connection created");
    }

    @Test
    void syncOnProvisionStartsOneSync() {
        Descriptor syncing = template().set("specific.connection.syncOnProvision", "true");

        ProvisionResult first = provisioned(syncing);
        provisioned(syncing.previousPrivateInfo(privateInfo(first)));

        assertThat(first.info().orElseThrow().publicInfo().get("syncJob").value())
                .isEqualTo("1");
        assertThat(log.text())
                .contains("INFO [sync] Started sync job 1")
                .contains("WARNING [sync] No sync started: a sync of connection");
    }

    @Test
    void theExtensionsReachAirbyte() {
        provisioned(AirbyteTestData.descriptor(AirbyteTestData.EXTENDED));

        Connection connection = gateway.storedConnections().get(0);
        assertThat(connection.workspaceId()).isEqualTo(AirbyteTestData.PRODUCTION_WORKSPACE);
        assertThat(connection.schedule()).isEqualTo(Schedule.cron("0 0 5 * * ? UTC"));
        assertThat(connection.streams()).containsExactly(StreamConfig.of("deals", "full_refresh_append"));
        assertThat(connection.namespaceDefinition()).contains("custom_format");
        assertThat(connection.namespaceFormat()).contains("CASHFLOW_RAW");
        assertThat(connection.status()).isEqualTo("inactive");
    }

    @Test
    void aStreamTheSourceDoesNotOfferFailsBeforeTheConnectionIsCreated() {
        UpstreamFailure failure = failed(template().set("specific.connection.streams", "[{name: vaccines}]"));

        assertThat(failure.describe()).contains("stream 'vaccines' is not offered (offered: vaccinations)");
        assertThat(gateway.storedConnections()).isEmpty();
    }

    @Test
    void updateAclChangesNothingAndSaysWhy() {
        AirbyteSpec spec = valid(technology.validate(template().request(), Operation.UPDATE_ACL));

        Either<UpstreamFailure, ProvisionResult> result = technology.updateAcl(spec, List.of("user:jane"), log);

        assertThat(result.get().message()).contains("no access control");
        assertThat(log.text()).contains("nothing was changed for 1 principal(s)");
        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void noOutputHoldsTheSnowflakePassword() {
        ProvisionResult result = provisioned(template());
        gateway.failNext(
                "updateConnector",
                new UpstreamFailure.Rejected("Airbyte", "PATCH /v1/destinations/x", 422, "invalid", List.of()));
        failed(template().set("specific.destination.connectionConfiguration.schema", "OTHER"));
        var plan = technology.plan(valid(technology.validate(template().request(), Operation.PROVISION)));

        assertThat(log.text()).doesNotContain(AirbyteTestData.SNOWFLAKE_PASSWORD);
        assertThat(result.toString()).doesNotContain(AirbyteTestData.SNOWFLAKE_PASSWORD);
        assertThat(plan.get().toString()).doesNotContain(AirbyteTestData.SNOWFLAKE_PASSWORD);
    }

    // ------------------------------------------------------------------ helpers

    private static Descriptor template() {
        return AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE);
    }

    private ProvisionResult provisioned(Descriptor descriptor) {
        AirbyteSpec spec = valid(technology.validate(descriptor.request(), Operation.PROVISION));
        Either<UpstreamFailure, ProvisionResult> result = technology.provision(spec, log);
        if (result.isLeft()) {
            throw new AssertionError("provisioning failed: " + result.getLeft().describe());
        }
        return result.get();
    }

    private UpstreamFailure failed(Descriptor descriptor) {
        AirbyteSpec spec = valid(technology.validate(descriptor.request(), Operation.PROVISION));
        Either<UpstreamFailure, ProvisionResult> result = technology.provision(spec, log);
        assertThat(result.isLeft()).as("provisioning should fail").isTrue();
        return result.getLeft();
    }

    static Map<String, String> privateInfo(ProvisionResult result) {
        Map<String, String> values = new HashMap<>();
        result.info().orElseThrow().privateInfo().forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }
}
