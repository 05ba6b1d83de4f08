package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JavaType;
import dev.meshprov.core.airbyte.AirbyteGateway;
import dev.meshprov.core.airbyte.Connection;
import dev.meshprov.core.airbyte.ConnectionDraft;
import dev.meshprov.core.airbyte.ConnectionPatch;
import dev.meshprov.core.airbyte.Connector;
import dev.meshprov.core.airbyte.ConnectorKind;
import dev.meshprov.core.airbyte.ConnectorPatch;
import dev.meshprov.core.airbyte.ConnectorSpec;
import dev.meshprov.core.airbyte.DiscoveredStream;
import dev.meshprov.core.airbyte.Removal;
import dev.meshprov.core.airbyte.SyncJob;
import dev.meshprov.core.airbyte.Workspace;
import dev.meshprov.core.model.UpstreamFailure;
import feign.Request;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@link AirbyteGateway} over Airbyte's public API: one short method per port operation, each naming its call,
 * its retry mode and how its answer is read; lists go through {@link PagedListing}.
 */
final class FeignAirbyteGateway implements AirbyteGateway {

    private static final String CONNECTIONS = "connections";

    private final AirbyteApi api;
    private final CallRunner runner;
    private final Probe probe;
    private final JsonBodies bodies;
    private final PagedListing listing;

    /**
     * How readiness probes call: a runner that makes one attempt, and time-outs shorter than the usual ones.
     *
     * @param runner the single-attempt runner
     * @param options the probe's time-outs
     */
    record Probe(CallRunner runner, Request.Options options) {}

    FeignAirbyteGateway(AirbyteApi api, CallRunner runner, Probe probe, JsonBodies bodies) {
        this.api = api;
        this.runner = runner;
        this.probe = probe;
        this.bodies = bodies;
        this.listing = new PagedListing(api, runner, bodies);
    }

    @Override
    public Either<UpstreamFailure, Workspace> workspace(String workspaceId) {
        Call call = Call.onEntity("GET", "workspaces", "workspaceId", workspaceId);
        return runner.safe(
                call,
                auth -> api.workspace(auth, workspaceId),
                bodies.reader(Wire.WorkspaceResponse.class).then(WireMapping::workspace));
    }

    @Override
    public Either<UpstreamFailure, Workspace> probe(String workspaceId) {
        Call call = Call.onEntity("GET", "workspaces", "workspaceId", workspaceId);
        return probe.runner()
                .safe(
                        call,
                        auth -> api.workspace(auth, workspaceId, probe.options()),
                        bodies.reader(Wire.WorkspaceResponse.class).then(WireMapping::workspace));
    }

    // ------------------------------------------------------------------ sources and destinations

    @Override
    public Either<UpstreamFailure, Optional<Connector>> findConnector(ConnectorKind kind, String id) {
        String collection = WireMapping.collection(kind);
        return optional(runner.safe(
                Call.onEntity("GET", collection, kind.idKey(), id),
                auth -> api.get(auth, collection, id),
                connectorReader(kind)));
    }

    @Override
    public Either<UpstreamFailure, List<Connector>> connectorsNamed(
            ConnectorKind kind, String workspaceId, String name) {
        return listing.all(
                        WireMapping.collection(kind),
                        workspaceId,
                        Wire.ConnectorResponse.class,
                        r -> WireMapping.connector(kind, r))
                .map(found -> found.stream().filter(c -> c.name().equals(name)).toList());
    }

    @Override
    public Either<UpstreamFailure, Connector> createConnector(
            ConnectorKind kind, String workspaceId, ConnectorSpec spec) {
        String collection = WireMapping.collection(kind);
        Wire.ConnectorCreate body = WireMapping.create(kind, workspaceId, spec);
        return runner.create(
                Call.onCollection("POST", collection),
                auth -> api.create(auth, collection, body),
                connectorReader(kind),
                () -> single(
                        kind.label(),
                        spec.name(),
                        () -> connectorsNamed(kind, workspaceId, spec.name()),
                        Connector::id));
    }

    @Override
    public Either<UpstreamFailure, Connector> updateConnector(ConnectorKind kind, String id, ConnectorPatch patch) {
        String collection = WireMapping.collection(kind);
        if (patch.replace()) {
            Wire.ConnectorPut body = WireMapping.put(patch);
            return runner.safe(
                    Call.onEntity("PUT", collection, kind.idKey(), id),
                    auth -> api.put(auth, collection, id, body),
                    connectorReader(kind));
        }
        Wire.ConnectorPatch body = WireMapping.patch(patch);
        return runner.safe(
                Call.onEntity("PATCH", collection, kind.idKey(), id),
                auth -> api.patch(auth, collection, id, body),
                connectorReader(kind));
    }

    @Override
    public Either<UpstreamFailure, Removal> deleteConnector(ConnectorKind kind, String id) {
        String collection = WireMapping.collection(kind);
        return removal(runner.safe(
                Call.onEntity("DELETE", collection, kind.idKey(), id),
                auth -> api.delete(auth, collection, id),
                JsonBodies.status()));
    }

    // ------------------------------------------------------------------ connections

    @Override
    public Either<UpstreamFailure, Optional<Connection>> findConnection(String id) {
        return optional(runner.safe(
                Call.onEntity("GET", CONNECTIONS, "connectionId", id),
                auth -> api.get(auth, CONNECTIONS, id),
                connectionReader()));
    }

    @Override
    public Either<UpstreamFailure, List<Connection>> connectionsNamed(String workspaceId, String name) {
        return listing.all(CONNECTIONS, workspaceId, Wire.ConnectionResponse.class, WireMapping::connection)
                .map(found -> found.stream().filter(c -> c.name().equals(name)).toList());
    }

    @Override
    public Either<UpstreamFailure, Connection> createConnection(String workspaceId, ConnectionDraft draft) {
        Wire.ConnectionCreate body = WireMapping.create(draft);
        return runner.create(
                Call.onCollection("POST", CONNECTIONS),
                auth -> api.create(auth, CONNECTIONS, body),
                connectionReader(),
                () -> single(
                        "connection", draft.name(), () -> connectionsNamed(workspaceId, draft.name()), Connection::id));
    }

    @Override
    public Either<UpstreamFailure, Connection> updateConnection(String id, ConnectionPatch patch) {
        Wire.ConnectionPatch body = WireMapping.patch(patch);
        return runner.safe(
                Call.onEntity("PATCH", CONNECTIONS, "connectionId", id),
                auth -> api.patch(auth, CONNECTIONS, id, body),
                connectionReader());
    }

    @Override
    public Either<UpstreamFailure, Removal> deleteConnection(String id) {
        return removal(runner.safe(
                Call.onEntity("DELETE", CONNECTIONS, "connectionId", id),
                auth -> api.delete(auth, CONNECTIONS, id),
                JsonBodies.status()));
    }

    // ------------------------------------------------------------------ streams and jobs

    @Override
    public Either<UpstreamFailure, List<DiscoveredStream>> streams(String sourceId, String destinationId) {
        JavaType type =
                bodies.mapper().getTypeFactory().constructCollectionType(List.class, Wire.StreamProperties.class);
        return runner.safe(
                Call.onCollection("GET", "streams"),
                auth -> api.streams(auth, sourceId, destinationId),
                bodies.<List<Wire.StreamProperties>>reader(type).then(WireMapping::discovered));
    }

    @Override
    public Either<UpstreamFailure, SyncJob> startSync(String connectionId) {
        Wire.JobRequest body = new Wire.JobRequest(connectionId, "sync");
        return runner.once(
                Call.onCollection("POST", "jobs"),
                auth -> api.startJob(auth, body),
                bodies.reader(Wire.JobResponse.class).then(WireMapping::job));
    }

    // ------------------------------------------------------------------ helpers

    /** The single entity a lookup after an uncertain create found; several is a conflict. */
    private static <T> Either<UpstreamFailure, Optional<T>> single(
            String what, String name, Supplier<Either<UpstreamFailure, List<T>>> lookup, Function<T, String> id) {
        return lookup.get().flatMap(found -> {
            if (found.size() > 1) {
                return Either.left(new UpstreamFailure.Conflict(
                        ErrorTranslator.SYSTEM,
                        "create " + what + " '" + name + "'",
                        found.size() + " " + what + "s named '" + name + "' exist after an interrupted create (ids "
                                + found.stream().map(id).collect(Collectors.joining(", ")) + ")"));
            }
            return Either.right(found.stream().findFirst());
        });
    }

    private CallRunner.Reader<Connector> connectorReader(ConnectorKind kind) {
        return bodies.reader(Wire.ConnectorResponse.class).then(response -> WireMapping.connector(kind, response));
    }

    private CallRunner.Reader<Connection> connectionReader() {
        return bodies.reader(Wire.ConnectionResponse.class).then(WireMapping::connection);
    }

    private static <T> Either<UpstreamFailure, Optional<T>> optional(Either<UpstreamFailure, T> found) {
        if (found.isLeft() && found.getLeft() instanceof UpstreamFailure.NotFound) {
            return Either.right(Optional.empty());
        }
        return found.map(Optional::of);
    }

    private static Either<UpstreamFailure, Removal> removal(Either<UpstreamFailure, Integer> deleted) {
        if (deleted.isLeft() && deleted.getLeft() instanceof UpstreamFailure.NotFound) {
            return Either.right(Removal.ALREADY_GONE);
        }
        return deleted.map(status -> Removal.DELETED);
    }
}
