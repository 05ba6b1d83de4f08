package dev.meshprov.core.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure decisions: what to create, change, replace or leave. */
class ReconciliationTest {

    private static final String WORKSPACE = AirbyteTestData.WORKSPACE;

    @Test
    void aMissingConnectorIsCreated() {
        ConnectorChange change = Reconciliation.connector(
                        ConnectorKind.SOURCE, source("s", "csv"), Optional.empty(), Reconciliation.Recorded.none())
                .get();

        assertThat(change.kind()).isEqualTo(ChangeKind.CREATE);
    }

    @Test
    void aRenamedConnectorIsPatchedByNameOnly() {
        Connector found = observed("old name", "csv");

        ConnectorChange change = Reconciliation.connector(
                        ConnectorKind.SOURCE,
                        source("new name", "csv"),
                        Optional.of(found),
                        Reconciliation.Recorded.none())
                .get();

        assertThat(change.kind()).isEqualTo(ChangeKind.UPDATE);
        assertThat(change.patch().name()).contains("new name");
        assertThat(change.patch().configuration()).isEmpty();
        assertThat(change.differences()).containsExactly("name");
    }

    @Test
    void aChangedConfigurationIsPatchedWhole() {
        ConnectorChange change = Reconciliation.connector(
                        ConnectorKind.SOURCE,
                        source("s", "json"),
                        Optional.of(observed("s", "csv")),
                        Reconciliation.Recorded.none())
                .get();

        assertThat(change.kind()).isEqualTo(ChangeKind.UPDATE);
        assertThat(change.patch().name()).isEmpty();
        assertThat(change.patch().configuration().orElseThrow().path("format").asText())
                .isEqualTo("json");
        assertThat(change.detail()).isEqualTo("differs in configuration.format");
    }

    @Test
    void aFieldWrittenBeforeAndNoLongerWantedMakesTheUpdateAReplacement() {
        Connector found = observed("s", "csv");
        ((com.fasterxml.jackson.databind.node.ObjectNode) found.configuration()).put("reader_options", "{}");
        ConnectorSpec desired = source("s", "json");
        var recorded = new Reconciliation.Recorded(
                Optional.empty(), Optional.of(java.util.Set.of("/format", "/reader_options", "/url")));

        ConnectorChange change = Reconciliation.connector(ConnectorKind.SOURCE, desired, Optional.of(found), recorded)
                .get();

        assertThat(change.kind()).isEqualTo(ChangeKind.UPDATE);
        assertThat(change.patch().replace()).isTrue();
        assertThat(change.patch().name()).contains("s");
        assertThat(change.patch().configuration().orElseThrow().has("reader_options"))
                .isFalse();
        assertThat(change.detail())
                .isEqualTo("differs in configuration.format, configuration.reader_options (removed)");
    }

    @Test
    void aFieldNeverWrittenByMeshprovIsNoDifference() {
        Connector found = observed("s", "csv");
        ((com.fasterxml.jackson.databind.node.ObjectNode) found.configuration()).put("set_in_the_ui", true);
        var recorded = new Reconciliation.Recorded(Optional.empty(), Optional.of(java.util.Set.of("/format", "/url")));

        ConnectorChange change = Reconciliation.connector(
                        ConnectorKind.SOURCE, source("s", "csv"), Optional.of(found), recorded)
                .get();

        assertThat(change.kind()).isEqualTo(ChangeKind.UNCHANGED);
    }

    @Test
    void aValueThatAMergeCannotSetOverAnObjectMakesTheUpdateAReplacement() {
        Connector found = observed("s", "csv");
        ((com.fasterxml.jackson.databind.node.ObjectNode) found.configuration())
                .putObject("provider")
                .put("storage", "HTTPS");
        ConnectorSpec desired = source("s", "csv");
        desired.configuration().put("provider", "HTTPS");

        ConnectorChange change = Reconciliation.connector(
                        ConnectorKind.SOURCE, desired, Optional.of(found), Reconciliation.Recorded.none())
                .get();

        assertThat(change.patch().replace()).isTrue();
    }

    @Test
    void aChangeWithNothingToRemoveIsMerged() {
        var recorded = new Reconciliation.Recorded(Optional.empty(), Optional.of(java.util.Set.of("/format")));

        ConnectorChange change = Reconciliation.connector(
                        ConnectorKind.SOURCE, source("s", "json"), Optional.of(observed("s", "csv")), recorded)
                .get();

        assertThat(change.patch().replace()).isFalse();
        assertThat(change.patch().configuration()).isPresent();
    }

    @Test
    void anotherConnectorDefinitionIsAConflict() {
        ConnectorSpec desired = new ConnectorSpec(
                "s", Optional.of("11111111-1111-1111-1111-111111111111"), Optional.empty(), Jsons.object());

        UpstreamFailure failure = Reconciliation.connector(
                        ConnectorKind.SOURCE,
                        desired,
                        Optional.of(observed("s", "csv")),
                        Reconciliation.Recorded.none())
                .getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Conflict.class);
        assertThat(failure.detail()).contains("cannot change the connector of a source");
    }

    @Test
    void aRotatedSecretIsPatchedThoughAirbyteMasksIt() {
        ConnectorSpec before = snowflake("old-password");
        ConnectorSpec after = snowflake("new-password");
        Optional<String> recorded = SecretFingerprint.of(ConnectorKind.DESTINATION, "d", before.configuration());
        Connector found = new Connector(
                ConnectorKind.DESTINATION,
                "22222222-2222-2222-2222-222222222222",
                "d",
                WORKSPACE,
                Optional.empty(),
                Optional.of("snowflake"),
                snowflakeConfiguration("**********"));

        Reconciliation.Recorded fingerprinted = new Reconciliation.Recorded(recorded, Optional.empty());

        ConnectorChange unchanged = destinationChange(before, found, fingerprinted);
        ConnectorChange rotated = destinationChange(after, found, fingerprinted);
        ConnectorChange unknown = destinationChange(after, found, Reconciliation.Recorded.none());

        assertThat(unchanged.kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(rotated.kind()).isEqualTo(ChangeKind.UPDATE);
        assertThat(rotated.detail()).contains("configuration secrets (changed since the last run)");
        assertThat(rotated.detail()).doesNotContain("new-password").doesNotContain("old-password");
        assertThat(unknown.kind())
                .as("nothing recorded: assume unchanged, as before")
                .isEqualTo(ChangeKind.UNCHANGED);
    }

    @Test
    void theSecretFingerprintIsSaltedAndHidesTheSecret() {
        ConnectorSpec spec = snowflake("hunter2-password");

        String fingerprint = SecretFingerprint.of(ConnectorKind.DESTINATION, "d", spec.configuration())
                .orElseThrow();

        assertThat(fingerprint).startsWith("pbkdf2-sha256:").doesNotContain("hunter2");
        assertThat(SecretFingerprint.of(ConnectorKind.DESTINATION, "other", spec.configuration()))
                .get()
                .isNotEqualTo(fingerprint);
        assertThat(SecretFingerprint.of(
                        ConnectorKind.SOURCE, "s", source("s", "csv").configuration()))
                .isEmpty();
    }

    private static ConnectorChange destinationChange(
            ConnectorSpec desired, Connector found, Reconciliation.Recorded recorded) {
        return Reconciliation.connector(ConnectorKind.DESTINATION, desired, Optional.of(found), recorded)
                .get();
    }

    private static ConnectorSpec snowflake(String password) {
        return new ConnectorSpec("d", Optional.empty(), Optional.of("snowflake"), snowflakeConfiguration(password));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode snowflakeConfiguration(String password) {
        com.fasterxml.jackson.databind.node.ObjectNode configuration =
                Jsons.object().put("host", "h");
        configuration.putObject("credentials").put("password", password);
        return configuration;
    }

    @Test
    void aConnectionToOtherEntitiesIsReplaced() {
        Connection found = connection("c", "old-source", "d", Schedule.manual(), streams("data"));

        ConnectionChange change =
                Reconciliation.connection(spec("c", Schedule.manual()), Optional.of(found), "s", "d", streams("data"));

        assertThat(change.kind()).isEqualTo(ChangeKind.REPLACE);
        assertThat(change.detail())
                .contains("it reads from source old-source, not s")
                .contains("replaced");
    }

    @Test
    void onlyTheChangedConnectionFieldsArePatched() {
        Connection found = connection("c", "s", "d", Schedule.manual(), streams("data"));

        ConnectionChange change = Reconciliation.connection(
                spec("c", Schedule.cron("0 0 6 * * ? UTC")), Optional.of(found), "s", "d", streams("data"));

        assertThat(change.kind()).isEqualTo(ChangeKind.UPDATE);
        assertThat(change.patch().schedule()).contains(Schedule.cron("0 0 6 * * ? UTC"));
        assertThat(change.patch().streams()).isEmpty();
        assertThat(change.patch().name()).isEmpty();
        assertThat(change.patch().status()).isEmpty();
        assertThat(change.detail()).isEqualTo("schedule: manual -> cron 0 0 6 * * ? UTC");
    }

    @Test
    void anUnchangedConnectionIsLeftAlone() {
        Connection found = connection("c", "s", "d", Schedule.cron("0  0 6 * * ? UTC"), streams("data"));

        ConnectionChange change = Reconciliation.connection(
                spec("c", Schedule.cron("0 0 6 * * ? UTC")), Optional.of(found), "s", "d", streams("data"));

        assertThat(change.kind()).isEqualTo(ChangeKind.UNCHANGED);
    }

    @Test
    void aCronReadBackWithoutItsTimeZoneIsTheSameSchedule() {
        assertThat(Reconciliation.sameSchedule(Schedule.cron("0 0 6 * * ? UTC"), Schedule.cron("0 0 6 * * ?")))
                .isTrue();
        assertThat(Reconciliation.sameSchedule(
                        Schedule.cron("0 0 6 ? * mon Europe/Rome"), Schedule.cron("0 0 6 ? * MON Europe/Rome")))
                .isTrue();
        assertThat(Reconciliation.sameSchedule(
                        Schedule.cron("0 0 6 * * ? UTC"), Schedule.cron("0 0 6 * * ? Europe/Rome")))
                .isFalse();
        assertThat(Reconciliation.sameSchedule(
                        Schedule.cron("0 0 6 * * ? UTC"), new Schedule("basic", java.util.Optional.empty())))
                .isFalse();
    }

    @Test
    void everyOfferedStreamIsSelectedWhenNoneIsListed() {
        List<DiscoveredStream> discovered = List.of(
                new DiscoveredStream("a", List.of("full_refresh_append", "full_refresh_overwrite")),
                new DiscoveredStream("b", List.of("incremental_append")));

        List<StreamConfig> streams = Reconciliation.streams(
                        spec("c", Schedule.manual()), observed("s", "csv"), discovered)
                .get();

        assertThat(streams)
                .containsExactly(
                        StreamConfig.of("a", "full_refresh_overwrite"), StreamConfig.of("b", "incremental_append"));
    }

    @Test
    void listedStreamsMustBeOfferedInTheirMode() {
        ConnectionSpec desired = new ConnectionSpec(
                "c",
                Schedule.manual(),
                Optional.of(List.of(
                        StreamConfig.of("a", "incremental_append"), StreamConfig.of("zz", "full_refresh_overwrite"))),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);

        UpstreamFailure failure = Reconciliation.streams(
                        desired,
                        observed("s", "csv"),
                        List.of(new DiscoveredStream("a", List.of("full_refresh_overwrite"))))
                .getLeft();

        assertThat(failure.detail())
                .contains("stream 'a' does not support incremental_append (supported: full_refresh_overwrite)")
                .contains("stream 'zz' is not offered (offered: a)");
    }

    private static ConnectorSpec source(String name, String format) {
        return new ConnectorSpec(
                name,
                Optional.of(AirbyteSettings.DEFAULT_FILE_DEFINITION_ID),
                Optional.empty(),
                Jsons.object().put("format", format));
    }

    private static Connector observed(String name, String format) {
        return new Connector(
                ConnectorKind.SOURCE,
                "s",
                name,
                WORKSPACE,
                Optional.of(AirbyteSettings.DEFAULT_FILE_DEFINITION_ID),
                Optional.of("file"),
                Jsons.object().put("format", format).put("sourceType", "file"));
    }

    private static ConnectionSpec spec(String name, Schedule schedule) {
        return new ConnectionSpec(
                name, schedule, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    private static Connection connection(
            String name, String sourceId, String destinationId, Schedule schedule, List<StreamConfig> streams) {
        return new Connection(
                "c-id",
                name,
                sourceId,
                destinationId,
                WORKSPACE,
                "active",
                schedule,
                streams,
                Optional.of("destination"),
                Optional.empty());
    }

    private static List<StreamConfig> streams(String name) {
        return List.of(StreamConfig.of(name, StreamConfig.DEFAULT_SYNC_MODE));
    }
}
