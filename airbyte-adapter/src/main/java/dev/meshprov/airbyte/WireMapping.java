package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.airbyte.Connection;
import dev.meshprov.core.airbyte.ConnectionDraft;
import dev.meshprov.core.airbyte.ConnectionPatch;
import dev.meshprov.core.airbyte.Connector;
import dev.meshprov.core.airbyte.ConnectorKind;
import dev.meshprov.core.airbyte.ConnectorPatch;
import dev.meshprov.core.airbyte.ConnectorSpec;
import dev.meshprov.core.airbyte.DiscoveredStream;
import dev.meshprov.core.airbyte.Schedule;
import dev.meshprov.core.airbyte.StreamConfig;
import dev.meshprov.core.airbyte.SyncJob;
import dev.meshprov.core.airbyte.Workspace;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/** Between the core's Airbyte types and the wire types; a {@link String} on the left names what is missing. */
final class WireMapping {

    private WireMapping() {}

    static String collection(ConnectorKind kind) {
        return kind == ConnectorKind.SOURCE ? "sources" : "destinations";
    }

    // ------------------------------------------------------------------ to the wire

    static Wire.ConnectorCreate create(ConnectorKind kind, String workspaceId, ConnectorSpec spec) {
        JsonNode configuration = spec.configuration();
        if (spec.definitionId().isEmpty() && spec.connectorType().isPresent()) {
            ObjectNode typed = spec.configuration().deepCopy();
            typed.put(kind.typeKey(), spec.connectorType().get());
            configuration = typed;
        }
        return new Wire.ConnectorCreate(
                spec.name(), workspaceId, configuration, spec.definitionId().orElse(null));
    }

    static Wire.ConnectorPatch patch(ConnectorPatch patch) {
        return new Wire.ConnectorPatch(
                patch.name().orElse(null), patch.configuration().orElse(null));
    }

    static Wire.ConnectorPut put(ConnectorPatch replacement) {
        return new Wire.ConnectorPut(
                replacement.name().orElseThrow(), replacement.configuration().orElseThrow());
    }

    static Wire.ConnectionCreate create(ConnectionDraft draft) {
        return new Wire.ConnectionCreate(
                draft.name(),
                draft.sourceId(),
                draft.destinationId(),
                schedule(draft.schedule()),
                streams(draft.streams()),
                draft.namespaceDefinition().orElse(null),
                draft.namespaceFormat().orElse(null),
                draft.status().orElse(null));
    }

    static Wire.ConnectionPatch patch(ConnectionPatch patch) {
        return new Wire.ConnectionPatch(
                patch.name().orElse(null),
                patch.schedule().map(WireMapping::schedule).orElse(null),
                patch.streams().map(WireMapping::streams).orElse(null),
                patch.namespaceDefinition().orElse(null),
                patch.namespaceFormat().orElse(null),
                patch.status().orElse(null));
    }

    private static Wire.Schedule schedule(Schedule schedule) {
        return new Wire.Schedule(schedule.type(), schedule.cronExpression().orElse(null));
    }

    private static Wire.StreamConfigurations streams(List<StreamConfig> streams) {
        return new Wire.StreamConfigurations(streams.stream()
                .map(stream -> new Wire.Stream(
                        stream.name(),
                        stream.syncMode(),
                        stream.cursorField().isEmpty() ? null : stream.cursorField(),
                        stream.primaryKey().isEmpty() ? null : stream.primaryKey()))
                .toList());
    }

    // ------------------------------------------------------------------ from the wire

    static Either<String, Workspace> workspace(Wire.WorkspaceResponse response) {
        if (blank(response.workspaceId())) {
            return Either.left("the workspace answer has no workspaceId");
        }
        return Either.right(new Workspace(
                response.workspaceId(), Optional.ofNullable(response.name()).orElse("")));
    }

    static Either<String, Connector> connector(ConnectorKind kind, Wire.ConnectorResponse response) {
        String id = kind == ConnectorKind.SOURCE ? response.sourceId() : response.destinationId();
        if (blank(id) || response.name() == null || blank(response.workspaceId())) {
            return Either.left("a " + kind.label() + " in the answer lacks " + kind.idKey() + ", name or workspaceId");
        }
        String type = kind == ConnectorKind.SOURCE ? response.sourceType() : response.destinationType();
        return Either.right(new Connector(
                kind,
                id,
                response.name(),
                response.workspaceId(),
                Optional.ofNullable(response.definitionId()).filter(v -> !v.isBlank()),
                Optional.ofNullable(type).filter(v -> !v.isBlank()),
                response.configuration() == null ? JsonNodeFactory.instance.objectNode() : response.configuration()));
    }

    static Either<String, Connection> connection(Wire.ConnectionResponse response) {
        if (blank(response.connectionId())
                || response.name() == null
                || blank(response.sourceId())
                || blank(response.destinationId())
                || blank(response.workspaceId())) {
            return Either.left(
                    "a connection in the answer lacks connectionId, name, sourceId, destinationId or workspaceId");
        }
        Wire.Schedule schedule = response.schedule();
        String type = schedule == null || blank(schedule.scheduleType()) ? Schedule.MANUAL : schedule.scheduleType();
        Optional<String> cron = Optional.ofNullable(schedule == null ? null : schedule.cronExpression())
                .filter(v -> !v.isBlank());
        List<Wire.Stream> streams =
                response.configurations() == null || response.configurations().streams() == null
                        ? List.of()
                        : response.configurations().streams();
        return Either.right(new Connection(
                response.connectionId(),
                response.name(),
                response.sourceId(),
                response.destinationId(),
                response.workspaceId(),
                Optional.ofNullable(response.status()).orElse(""),
                new Schedule(type, cron),
                streams.stream()
                        .filter(stream -> stream.name() != null)
                        .map(stream -> new StreamConfig(
                                stream.name(),
                                Optional.ofNullable(stream.syncMode()).orElse(""),
                                Optional.ofNullable(stream.cursorField()).orElse(List.of()),
                                Optional.ofNullable(stream.primaryKey()).orElse(List.of())))
                        .toList(),
                Optional.ofNullable(response.namespaceDefinition()).filter(v -> !v.isBlank()),
                Optional.ofNullable(response.namespaceFormat()).filter(v -> !v.isBlank())));
    }

    static Either<String, List<DiscoveredStream>> discovered(List<Wire.StreamProperties> properties) {
        return Either.right(properties.stream()
                .filter(stream -> stream.streamName() != null)
                .map(stream -> new DiscoveredStream(
                        stream.streamName(),
                        Optional.ofNullable(stream.syncModes()).orElse(List.of())))
                .toList());
    }

    static Either<String, SyncJob> job(Wire.JobResponse response) {
        if (blank(response.jobId())) {
            return Either.left("the job answer has no jobId");
        }
        return Either.right(new SyncJob(
                response.jobId(), Optional.ofNullable(response.status()).orElse("")));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
