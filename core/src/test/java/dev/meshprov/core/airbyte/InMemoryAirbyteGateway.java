package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AirbyteGateway} keeping Airbyte's state in memory, behaving like Airbyte where meshprov depends on it:
 * UUID ids, secret configuration values masked on read, a configuration update merged into the stored one or
 * replacing it as Airbyte's PATCH and PUT do ({@link StoredConfigurations}), streams discovered from the File
 * source's {@code dataset_name}, one running sync per connection. Counts writes and name lookups, and can fail the
 * next call of an operation. Thread-safe.
 */
public final class InMemoryAirbyteGateway implements AirbyteGateway {

    /** How Airbyte masks secrets. */
    public static final String MASK = StoredConfigurations.MASK;

    private final Set<String> workspaces = new HashSet<>();
    private final Map<ConnectorKind, Map<String, Connector>> connectors = new HashMap<>();
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Set<String> runningSyncs = new HashSet<>();
    private final Map<String, Deque<UpstreamFailure>> faults = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger nameLookups = new AtomicInteger();
    private final AtomicInteger jobs = new AtomicInteger();

    public InMemoryAirbyteGateway(String... workspaceIds) {
        workspaces.addAll(List.of(workspaceIds));
        connectors.put(ConnectorKind.SOURCE, new LinkedHashMap<>());
        connectors.put(ConnectorKind.DESTINATION, new LinkedHashMap<>());
    }

    // ------------------------------------------------------------------ test controls

    /** The next call of {@code operation} (a method name of {@link AirbyteGateway}) fails with {@code failure}. */
    public synchronized InMemoryAirbyteGateway failNext(String operation, UpstreamFailure failure) {
        faults.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(failure);
        return this;
    }

    /** Creates, updates, deletes and sync starts so far. */
    public int writes() {
        return writes.get();
    }

    /** Name lookups (list calls) so far. */
    public int nameLookups() {
        return nameLookups.get();
    }

    /** Every call so far, as method names. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Stores a source or destination directly, as if created in the Airbyte UI; returns its id. */
    public synchronized String seed(ConnectorKind kind, String workspaceId, String name, ObjectNode configuration) {
        String id = UUID.randomUUID().toString();
        connectors
                .get(kind)
                .put(
                        id,
                        new Connector(
                                kind,
                                id,
                                name,
                                workspaceId,
                                Optional.of(UUID.randomUUID().toString()),
                                Optional.empty(),
                                configuration.deepCopy()));
        return id;
    }

    /** Deletes an entity directly, as if deleted in the Airbyte UI. */
    public synchronized void removeDirectly(String id) {
        connectors.values().forEach(map -> map.remove(id));
        connections.remove(id);
    }

    /** The stored sources or destinations (configurations unmasked). */
    public synchronized List<Connector> stored(ConnectorKind kind) {
        return List.copyOf(connectors.get(kind).values());
    }

    /** The stored connections. */
    public synchronized List<Connection> storedConnections() {
        return List.copyOf(connections.values());
    }

    // ------------------------------------------------------------------ AirbyteGateway

    @Override
    public synchronized Either<UpstreamFailure, Workspace> workspace(String workspaceId) {
        return call(
                "workspace",
                () -> workspaces.contains(workspaceId)
                        ? Either.right(new Workspace(workspaceId, "workspace " + workspaceId))
                        : Either.left(notFound("GET /v1/workspaces/" + workspaceId, "workspace")));
    }

    @Override
    public synchronized Either<UpstreamFailure, Optional<Connector>> findConnector(ConnectorKind kind, String id) {
        return call(
                "findConnector",
                () -> Either.right(
                        Optional.ofNullable(connectors.get(kind).get(id)).map(InMemoryAirbyteGateway::masked)));
    }

    @Override
    public synchronized Either<UpstreamFailure, List<Connector>> connectorsNamed(
            ConnectorKind kind, String workspaceId, String name) {
        nameLookups.incrementAndGet();
        return call(
                "connectorsNamed",
                () -> Either.right(connectors.get(kind).values().stream()
                        .filter(c ->
                                c.workspaceId().equals(workspaceId) && c.name().equals(name))
                        .map(InMemoryAirbyteGateway::masked)
                        .toList()));
    }

    @Override
    public synchronized Either<UpstreamFailure, Connector> createConnector(
            ConnectorKind kind, String workspaceId, ConnectorSpec spec) {
        return write("createConnector", () -> {
            if (!workspaces.contains(workspaceId)) {
                return Either.left(notFound("POST /v1/" + kind.label() + "s", "workspace"));
            }
            String id = UUID.randomUUID().toString();
            ObjectNode configuration = spec.configuration().deepCopy();
            spec.connectorType().ifPresent(type -> configuration.put(kind.typeKey(), type));
            Connector created = new Connector(
                    kind, id, spec.name(), workspaceId, spec.definitionId(), spec.connectorType(), configuration);
            connectors.get(kind).put(id, created);
            return Either.right(masked(created));
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Connector> updateConnector(
            ConnectorKind kind, String id, ConnectorPatch patch) {
        return write("updateConnector", () -> {
            Connector found = connectors.get(kind).get(id);
            if (found == null) {
                return Either.left(notFound("PATCH /v1/" + kind.label() + "s/" + id, kind.label()));
            }
            JsonNode configuration = patch.configuration()
                    .<JsonNode>map(update -> patch.replace()
                            ? StoredConfigurations.replace(
                                    found.configuration(), update, StoredConfigurations.secretByName())
                            : StoredConfigurations.merge(found.configuration(), update))
                    .orElse(found.configuration());
            Connector updated = new Connector(
                    kind,
                    id,
                    patch.name().orElse(found.name()),
                    found.workspaceId(),
                    found.definitionId(),
                    found.connectorType(),
                    configuration);
            connectors.get(kind).put(id, updated);
            return Either.right(masked(updated));
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Removal> deleteConnector(ConnectorKind kind, String id) {
        return write(
                "deleteConnector",
                () -> Either.right(connectors.get(kind).remove(id) != null ? Removal.DELETED : Removal.ALREADY_GONE));
    }

    @Override
    public synchronized Either<UpstreamFailure, Optional<Connection>> findConnection(String id) {
        return call("findConnection", () -> Either.right(Optional.ofNullable(connections.get(id))));
    }

    @Override
    public synchronized Either<UpstreamFailure, List<Connection>> connectionsNamed(String workspaceId, String name) {
        nameLookups.incrementAndGet();
        return call(
                "connectionsNamed",
                () -> Either.right(connections.values().stream()
                        .filter(c ->
                                c.workspaceId().equals(workspaceId) && c.name().equals(name))
                        .toList()));
    }

    @Override
    public synchronized Either<UpstreamFailure, Connection> createConnection(
            String workspaceId, ConnectionDraft draft) {
        return write("createConnection", () -> {
            Connector source = connectors.get(ConnectorKind.SOURCE).get(draft.sourceId());
            if (source == null || !connectors.get(ConnectorKind.DESTINATION).containsKey(draft.destinationId())) {
                return Either.left(new UpstreamFailure.Rejected(
                        "Airbyte",
                        "POST /v1/connections",
                        400,
                        "the source or destination of the connection does not exist",
                        List.of()));
            }
            String id = UUID.randomUUID().toString();
            Connection created = new Connection(
                    id,
                    draft.name(),
                    draft.sourceId(),
                    draft.destinationId(),
                    source.workspaceId(),
                    draft.status().orElse("active"),
                    draft.schedule(),
                    draft.streams(),
                    Optional.of(draft.namespaceDefinition().orElse("destination")),
                    draft.namespaceFormat());
            connections.put(id, created);
            return Either.right(created);
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Connection> updateConnection(String id, ConnectionPatch patch) {
        return write("updateConnection", () -> {
            Connection found = connections.get(id);
            if (found == null) {
                return Either.left(notFound("PATCH /v1/connections/" + id, "connection"));
            }
            Connection updated = new Connection(
                    id,
                    patch.name().orElse(found.name()),
                    found.sourceId(),
                    found.destinationId(),
                    found.workspaceId(),
                    patch.status().orElse(found.status()),
                    patch.schedule().orElse(found.schedule()),
                    patch.streams().orElse(found.streams()),
                    patch.namespaceDefinition().or(found::namespaceDefinition),
                    patch.namespaceFormat().or(found::namespaceFormat));
            connections.put(id, updated);
            return Either.right(updated);
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, Removal> deleteConnection(String id) {
        return write("deleteConnection", () -> {
            runningSyncs.remove(id);
            return Either.right(connections.remove(id) != null ? Removal.DELETED : Removal.ALREADY_GONE);
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, List<DiscoveredStream>> streams(String sourceId, String destinationId) {
        return call("streams", () -> {
            Connector source = connectors.get(ConnectorKind.SOURCE).get(sourceId);
            if (source == null || !connectors.get(ConnectorKind.DESTINATION).containsKey(destinationId)) {
                return Either.left(notFound("GET /v1/streams", "source or destination"));
            }
            return Either.right(discover(source.configuration()));
        });
    }

    @Override
    public synchronized Either<UpstreamFailure, SyncJob> startSync(String connectionId) {
        return write("startSync", () -> {
            if (!connections.containsKey(connectionId)) {
                return Either.left(notFound("POST /v1/jobs", "connection"));
            }
            if (!runningSyncs.add(connectionId)) {
                return Either.left(new UpstreamFailure.Conflict(
                        "Airbyte", "POST /v1/jobs", "a sync is already running for this connection"));
            }
            return Either.right(new SyncJob(String.valueOf(jobs.incrementAndGet()), "running"));
        });
    }

    // ------------------------------------------------------------------ behaviour shared with the fake server

    /** The streams Airbyte would discover: the File source's {@code dataset_name}, else one stream {@code data}. */
    public static List<DiscoveredStream> discover(JsonNode configuration) {
        String name = configuration.path("dataset_name").asText("data");
        return List.of(new DiscoveredStream(name, List.of("full_refresh_overwrite", "full_refresh_append")));
    }

    /** A copy of a configuration with secret values masked, as Airbyte answers (secrets judged by name). */
    public static JsonNode mask(JsonNode configuration) {
        return StoredConfigurations.masked(configuration, StoredConfigurations.secretByName());
    }

    private static Connector masked(Connector connector) {
        return new Connector(
                connector.kind(),
                connector.id(),
                connector.name(),
                connector.workspaceId(),
                connector.definitionId(),
                connector.connectorType(),
                mask(connector.configuration()));
    }

    private static UpstreamFailure notFound(String operation, String what) {
        return new UpstreamFailure.NotFound("Airbyte", operation, "no such " + what);
    }

    private <T> Either<UpstreamFailure, T> call(
            String operation, java.util.function.Supplier<Either<UpstreamFailure, T>> body) {
        calls.add(operation);
        Deque<UpstreamFailure> queued = faults.get(operation);
        if (queued != null && !queued.isEmpty()) {
            return Either.left(queued.poll());
        }
        return body.get();
    }

    private <T> Either<UpstreamFailure, T> write(
            String operation, java.util.function.Supplier<Either<UpstreamFailure, T>> body) {
        Either<UpstreamFailure, T> result = call(operation, body);
        writes.incrementAndGet();
        return result;
    }
}
