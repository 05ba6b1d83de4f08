package dev.meshprov.core.airbyte;

import static dev.meshprov.core.airbyte.AirbyteTestData.snowflakeConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AirbyteGateway} must do, run against the in-memory fake (core) and against the real adapter
 * with its local Airbyte server (adapter module), so the fake stays honest. Each test uses its own names, so the
 * suite can share one workspace.
 */
public abstract class AirbyteGatewayContract {

    /** A File source definition, as in the public catalog. */
    protected static final String FILE_DEFINITION = AirbyteSettings.DEFAULT_FILE_DEFINITION_ID;
    /** A Snowflake destination definition, as in the public catalog. */
    protected static final String SNOWFLAKE_DEFINITION = AirbyteSettings.DEFAULT_SNOWFLAKE_DEFINITION_ID;

    /** The workspace every subject is set up with; each test uses its own names in it. */
    protected static final String WORKSPACE = "7c1f6e2a-3b4d-4c5e-8f6a-7b8c9d0e1f2a";

    /** The gateway under test, whose workspace {@link #WORKSPACE} exists. */
    protected abstract AirbyteGateway gateway();

    /** A workspace that exists. */
    protected final String workspaceId() {
        return WORKSPACE;
    }

    // ------------------------------------------------------------------ workspace

    @Test
    void readsAnExistingWorkspace() {
        Workspace workspace = right(gateway().workspace(workspaceId()));
        assertThat(workspace.id()).isEqualTo(workspaceId());
    }

    @Test
    void anUnknownWorkspaceIsNotFound() {
        assertThat(gateway().workspace(UUID.randomUUID().toString()).getLeft())
                .isInstanceOf(UpstreamFailure.NotFound.class);
    }

    // ------------------------------------------------------------------ sources and destinations

    @Test
    void aCreatedSourceIsFoundByIdAndByExactName() {
        String name = unique("contract source");
        Connector created = right(gateway().createConnector(ConnectorKind.SOURCE, workspaceId(), fileSource(name)));
        gateway().createConnector(ConnectorKind.SOURCE, workspaceId(), fileSource(name + " (copy)"));

        assertThat(Identifiers.isUuid(created.id())).isTrue();
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.workspaceId()).isEqualTo(workspaceId());
        assertThat(created.definitionId()).contains(FILE_DEFINITION);
        Connector found = right(gateway().findConnector(ConnectorKind.SOURCE, created.id()))
                .orElseThrow();
        assertThat(found.configuration().path("url").asText()).isEqualTo("https://example.org/data.csv");
        assertThat(right(gateway().connectorsNamed(ConnectorKind.SOURCE, workspaceId(), name)))
                .extracting(Connector::id)
                .containsExactly(created.id());
    }

    @Test
    void anUnknownIdIsEmptyNotAFailure() {
        assertThat(right(gateway()
                        .findConnector(
                                ConnectorKind.DESTINATION, UUID.randomUUID().toString())))
                .isEmpty();
        assertThat(right(gateway().findConnection(UUID.randomUUID().toString())))
                .isEmpty();
    }

    @Test
    void aNameLookupFindsEveryEntityWithTheNameAcrossPages() {
        String prefix = unique("paged");
        IntStream.range(0, 25)
                .forEach(i -> right(
                        gateway().createConnector(ConnectorKind.SOURCE, workspaceId(), fileSource(prefix + " " + i))));
        right(gateway().createConnector(ConnectorKind.SOURCE, workspaceId(), fileSource(prefix + " 24")));

        assertThat(right(gateway().connectorsNamed(ConnectorKind.SOURCE, workspaceId(), prefix + " 24")))
                .hasSize(2);
        assertThat(right(gateway().connectorsNamed(ConnectorKind.SOURCE, workspaceId(), prefix + " 0")))
                .hasSize(1);
    }

    @Test
    void secretValuesComeBackMasked() {
        ObjectNode configuration = snowflakeConfiguration();
        configuration
                .putObject("credentials")
                .put("auth_type", "Username and Password")
                .put("password", "Contract-Canary-Secret");
        Connector created = right(gateway()
                .createConnector(
                        ConnectorKind.DESTINATION,
                        workspaceId(),
                        new ConnectorSpec(
                                unique("masked"), Optional.of(SNOWFLAKE_DEFINITION), Optional.empty(), configuration)));

        Connector found = right(gateway().findConnector(ConnectorKind.DESTINATION, created.id()))
                .orElseThrow();
        assertThat(found.configuration().toString()).doesNotContain("Contract-Canary-Secret");
        assertThat(found.configuration().path("database").asText()).isEqualTo("DB");
    }

    @Test
    void anUpdateChangesOnlyTheGivenFields() {
        String name = unique("update");
        Connector created = right(gateway().createConnector(ConnectorKind.SOURCE, workspaceId(), fileSource(name)));

        Connector renamed = right(gateway()
                .updateConnector(
                        ConnectorKind.SOURCE,
                        created.id(),
                        new ConnectorPatch(Optional.of(name + " v2"), Optional.empty())));
        assertThat(renamed.name()).isEqualTo(name + " v2");
        assertThat(renamed.configuration().path("format").asText()).isEqualTo("csv");

        ObjectNode json = fileSource(name).configuration().deepCopy().put("format", "json");
        Connector reconfigured = right(gateway()
                .updateConnector(
                        ConnectorKind.SOURCE, created.id(), new ConnectorPatch(Optional.empty(), Optional.of(json))));
        assertThat(reconfigured.id()).isEqualTo(created.id());
        assertThat(reconfigured.name()).isEqualTo(name + " v2");
        assertThat(right(gateway().findConnector(ConnectorKind.SOURCE, created.id()))
                        .orElseThrow()
                        .configuration()
                        .path("format")
                        .asText())
                .isEqualTo("json");
    }

    @Test
    void aMergeKeepsTheFieldsItLacksAndAReplacementDropsThem() {
        String name = unique("merge");
        ObjectNode csv = fileSource(name).configuration().deepCopy().put("reader_options", "{\"sep\": \";\"}");
        Connector created = right(gateway()
                .createConnector(
                        ConnectorKind.SOURCE,
                        workspaceId(),
                        new ConnectorSpec(name, Optional.of(FILE_DEFINITION), Optional.empty(), csv)));
        ObjectNode json = fileSource(name).configuration().deepCopy().put("format", "json");

        Connector merged = right(gateway()
                .updateConnector(
                        ConnectorKind.SOURCE, created.id(), new ConnectorPatch(Optional.empty(), Optional.of(json))));
        Connector replaced = right(gateway()
                .updateConnector(ConnectorKind.SOURCE, created.id(), ConnectorPatch.replacing(name + " v2", json)));

        assertThat(merged.configuration().path("format").asText()).isEqualTo("json");
        assertThat(merged.configuration().path("reader_options").asText())
                .as("PATCH deep-merges: a field the update lacks stays")
                .isEqualTo("{\"sep\": \";\"}");
        assertThat(replaced.configuration().has("reader_options"))
                .as("PUT replaces the whole configuration")
                .isFalse();
        assertThat(replaced.name()).isEqualTo(name + " v2");
        Connector found = right(gateway().findConnector(ConnectorKind.SOURCE, created.id()))
                .orElseThrow();
        assertThat(found.configuration().has("reader_options")).isFalse();
        assertThat(found.configuration().path("format").asText()).isEqualTo("json");
    }

    @Test
    void aMergeDescendsIntoNestedObjectsSoAnOldSecretStaysUntilAReplacement() {
        String name = unique("credentials");
        Connector created = right(gateway()
                .createConnector(ConnectorKind.DESTINATION, workspaceId(), AirbyteTestData.snowflakeDestination(name)));
        ObjectNode password = snowflakeConfiguration();
        password.putObject("credentials")
                .put("auth_type", "Username and Password")
                .put("password", "Contract-Canary-Password");

        Connector merged = right(gateway()
                .updateConnector(
                        ConnectorKind.DESTINATION,
                        created.id(),
                        new ConnectorPatch(Optional.empty(), Optional.of(password))));
        Connector replaced = right(gateway()
                .updateConnector(ConnectorKind.DESTINATION, created.id(), ConnectorPatch.replacing(name, password)));

        assertThat(merged.configuration().path("credentials").has("private_key"))
                .as("the key of the stored credentials survives a merge")
                .isTrue();
        assertThat(replaced.configuration().path("credentials").has("private_key"))
                .isFalse();
        assertThat(replaced.configuration()
                        .path("credentials")
                        .path("auth_type")
                        .asText())
                .isEqualTo("Username and Password");
        assertThat(replaced.configuration().toString()).doesNotContain("Contract-Canary-Password");
    }

    @Test
    void updatingAnUnknownSourceIsNotFound() {
        assertThat(gateway()
                        .updateConnector(
                                ConnectorKind.SOURCE,
                                UUID.randomUUID().toString(),
                                new ConnectorPatch(Optional.of("x"), Optional.empty()))
                        .getLeft())
                .isInstanceOf(UpstreamFailure.NotFound.class);
    }

    @Test
    void deletingTwiceIsDeletedThenAlreadyGone() {
        Connector created =
                right(gateway().createConnector(ConnectorKind.SOURCE, workspaceId(), fileSource(unique("delete"))));

        assertThat(right(gateway().deleteConnector(ConnectorKind.SOURCE, created.id())))
                .isEqualTo(Removal.DELETED);
        assertThat(right(gateway().deleteConnector(ConnectorKind.SOURCE, created.id())))
                .isEqualTo(Removal.ALREADY_GONE);
        assertThat(right(gateway().findConnector(ConnectorKind.SOURCE, created.id())))
                .isEmpty();
    }

    // ------------------------------------------------------------------ connections, streams, jobs

    @Test
    void aConnectionKeepsItsScheduleStreamsAndEnds() {
        Pair pair = pair("connection");
        List<DiscoveredStream> streams =
                right(gateway().streams(pair.source().id(), pair.destination().id()));
        assertThat(streams).extracting(DiscoveredStream::name).containsExactly("contract_data");
        assertThat(streams.get(0).syncModes()).contains(StreamConfig.DEFAULT_SYNC_MODE);

        String name = unique("connection");
        Connection created = right(gateway().createConnection(workspaceId(), draft(name, pair)));

        assertThat(created.sourceId()).isEqualTo(pair.source().id());
        assertThat(created.destinationId()).isEqualTo(pair.destination().id());
        assertThat(created.workspaceId()).isEqualTo(workspaceId());
        Connection found = right(gateway().findConnection(created.id())).orElseThrow();
        assertThat(found.schedule()).isEqualTo(Schedule.cron("0 0 6 * * ? UTC"));
        assertThat(found.streams())
                .extracting(StreamConfig::describe)
                .containsExactly("contract_data (full_refresh_overwrite)");
        assertThat(found.status()).isEqualTo("active");
        assertThat(right(gateway().connectionsNamed(workspaceId(), name)))
                .extracting(Connection::id)
                .containsExactly(created.id());
    }

    @Test
    void aConnectionUpdateKeepsItsIdAndUntouchedFields() {
        Pair pair = pair("patch");
        Connection created = right(gateway().createConnection(workspaceId(), draft(unique("patch"), pair)));

        Connection updated = right(gateway()
                .updateConnection(
                        created.id(),
                        new ConnectionPatch(
                                Optional.empty(),
                                Optional.of(Schedule.manual()),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("inactive"))));

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.schedule()).isEqualTo(Schedule.manual());
        assertThat(updated.status()).isEqualTo("inactive");
        assertThat(updated.streams()).isEqualTo(created.streams());
        assertThat(updated.name()).isEqualTo(created.name());
    }

    @Test
    void aConnectionIsDeletedOnce() {
        Pair pair = pair("remove");
        Connection created = right(gateway().createConnection(workspaceId(), draft(unique("remove"), pair)));

        assertThat(right(gateway().deleteConnection(created.id()))).isEqualTo(Removal.DELETED);
        assertThat(right(gateway().deleteConnection(created.id()))).isEqualTo(Removal.ALREADY_GONE);
        assertThat(right(gateway().findConnection(created.id()))).isEmpty();
        assertThat(gateway()
                        .updateConnection(created.id(), ConnectionPatch.none())
                        .getLeft())
                .isInstanceOf(UpstreamFailure.NotFound.class);
    }

    @Test
    void aSecondSyncWhileOneRunsIsAConflict() {
        Pair pair = pair("sync");
        Connection created = right(gateway().createConnection(workspaceId(), draft(unique("sync"), pair)));

        SyncJob job = right(gateway().startSync(created.id()));
        assertThat(job.id()).isNotBlank();
        assertThat(gateway().startSync(created.id()).getLeft()).isInstanceOf(UpstreamFailure.Conflict.class);
    }

    @Test
    void aConnectionBetweenUnknownEntitiesIsRefused() {
        Pair pair = pair("orphan");
        ConnectionDraft draft = new ConnectionDraft(
                unique("orphan"),
                UUID.randomUUID().toString(),
                pair.destination().id(),
                Schedule.manual(),
                List.of(StreamConfig.of("contract_data", StreamConfig.DEFAULT_SYNC_MODE)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        Either<UpstreamFailure, Connection> created = gateway().createConnection(workspaceId(), draft);
        assertThat(created.isLeft()).isTrue();
        assertThat(created.getLeft().retryable()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    /** A source and a destination to connect. */
    protected record Pair(Connector source, Connector destination) {}

    protected Pair pair(String purpose) {
        Connector source =
                right(gateway().createConnector(ConnectorKind.SOURCE, workspaceId(), fileSource(unique(purpose))));
        Connector destination = right(gateway()
                .createConnector(
                        ConnectorKind.DESTINATION,
                        workspaceId(),
                        AirbyteTestData.snowflakeDestination(unique(purpose + " destination"))));
        return new Pair(source, destination);
    }

    protected static ConnectionDraft draft(String name, Pair pair) {
        return new ConnectionDraft(
                name,
                pair.source().id(),
                pair.destination().id(),
                Schedule.cron("0 0 6 * * ? UTC"),
                List.of(StreamConfig.of("contract_data", StreamConfig.DEFAULT_SYNC_MODE)),
                Optional.of("destination"),
                Optional.empty(),
                Optional.empty());
    }

    protected static ConnectorSpec fileSource(String name) {
        return AirbyteTestData.fileSource(name, "contract_data");
    }

    protected static String unique(String purpose) {
        return "meshprov contract " + purpose + " " + UUID.randomUUID();
    }

    protected static <T> T right(Either<UpstreamFailure, T> either) {
        if (either.isLeft()) {
            throw new AssertionError("expected success, got " + either.getLeft().describe());
        }
        return either.get();
    }
}
