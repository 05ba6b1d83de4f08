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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@link AirbyteGateway} over Airbyte's public API. Over 300 lines: one short method per port operation, plus
 * the pagination they share.
 */
final class FeignAirbyteGateway implements AirbyteGateway {

    /** Entities per list page requested (Airbyte's maximum is 100). */
    static final int PAGE_SIZE = 100;

    private static final int MAX_PAGES = 10_000;
    private static final Pattern OFFSET = Pattern.compile("[?&]offset=(\\d+)");
    private static final String CONNECTIONS = "connections";

    private final AirbyteApi api;
    private final CallRunner runner;
    private final Probe probe;
    private final JsonBodies bodies;

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
    }

    @Override
    public Either<UpstreamFailure, Workspace> workspace(String workspaceId) {
        Call call = byId("GET", "workspaces", "workspaceId", workspaceId);
        return runner.safe(
                call,
                auth -> api.workspace(auth, workspaceId),
                mapped(bodies.reader(Wire.WorkspaceResponse.class), WireMapping::workspace));
    }

    @Override
    public Either<UpstreamFailure, Workspace> probe(String workspaceId) {
        Call call = byId("GET", "workspaces", "workspaceId", workspaceId);
        return probe.runner()
                .safe(
                        call,
                        auth -> api.workspace(auth, workspaceId, probe.options()),
                        mapped(bodies.reader(Wire.WorkspaceResponse.class), WireMapping::workspace));
    }

    // ------------------------------------------------------------------ sources and destinations

    @Override
    public Either<UpstreamFailure, Optional<Connector>> findConnector(ConnectorKind kind, String id) {
        String collection = WireMapping.collection(kind);
        return optional(runner.safe(
                byId("GET", collection, kind.idKey(), id),
                auth -> api.get(auth, collection, id),
                connectorReader(kind)));
    }

    @Override
    public Either<UpstreamFailure, List<Connector>> connectorsNamed(
            ConnectorKind kind, String workspaceId, String name) {
        return all(
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
                collectionCall("POST", collection),
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
                    byId("PUT", collection, kind.idKey(), id),
                    auth -> api.put(auth, collection, id, body),
                    connectorReader(kind));
        }
        Wire.ConnectorPatch body = WireMapping.patch(patch);
        return runner.safe(
                byId("PATCH", collection, kind.idKey(), id),
                auth -> api.patch(auth, collection, id, body),
                connectorReader(kind));
    }

    @Override
    public Either<UpstreamFailure, Removal> deleteConnector(ConnectorKind kind, String id) {
        String collection = WireMapping.collection(kind);
        return removal(runner.safe(
                byId("DELETE", collection, kind.idKey(), id),
                auth -> api.delete(auth, collection, id),
                JsonBodies.status()));
    }

    // ------------------------------------------------------------------ connections

    @Override
    public Either<UpstreamFailure, Optional<Connection>> findConnection(String id) {
        return optional(runner.safe(
                byId("GET", CONNECTIONS, "connectionId", id),
                auth -> api.get(auth, CONNECTIONS, id),
                connectionReader()));
    }

    @Override
    public Either<UpstreamFailure, List<Connection>> connectionsNamed(String workspaceId, String name) {
        return all(CONNECTIONS, workspaceId, Wire.ConnectionResponse.class, WireMapping::connection)
                .map(found -> found.stream().filter(c -> c.name().equals(name)).toList());
    }

    @Override
    public Either<UpstreamFailure, Connection> createConnection(String workspaceId, ConnectionDraft draft) {
        Wire.ConnectionCreate body = WireMapping.create(draft);
        return runner.create(
                collectionCall("POST", CONNECTIONS),
                auth -> api.create(auth, CONNECTIONS, body),
                connectionReader(),
                () -> single(
                        "connection", draft.name(), () -> connectionsNamed(workspaceId, draft.name()), Connection::id));
    }

    @Override
    public Either<UpstreamFailure, Connection> updateConnection(String id, ConnectionPatch patch) {
        Wire.ConnectionPatch body = WireMapping.patch(patch);
        return runner.safe(
                byId("PATCH", CONNECTIONS, "connectionId", id),
                auth -> api.patch(auth, CONNECTIONS, id, body),
                connectionReader());
    }

    @Override
    public Either<UpstreamFailure, Removal> deleteConnection(String id) {
        return removal(runner.safe(
                byId("DELETE", CONNECTIONS, "connectionId", id),
                auth -> api.delete(auth, CONNECTIONS, id),
                JsonBodies.status()));
    }

    // ------------------------------------------------------------------ streams and jobs

    @Override
    public Either<UpstreamFailure, List<DiscoveredStream>> streams(String sourceId, String destinationId) {
        JavaType type =
                bodies.mapper().getTypeFactory().constructCollectionType(List.class, Wire.StreamProperties.class);
        return runner.safe(
                collectionCall("GET", "streams"),
                auth -> api.streams(auth, sourceId, destinationId),
                mapped(bodies.<List<Wire.StreamProperties>>reader(type), WireMapping::discovered));
    }

    @Override
    public Either<UpstreamFailure, SyncJob> startSync(String connectionId) {
        Wire.JobRequest body = new Wire.JobRequest(connectionId, "sync");
        return runner.once(
                collectionCall("POST", "jobs"),
                auth -> api.startJob(auth, body),
                mapped(bodies.reader(Wire.JobResponse.class), WireMapping::job));
    }

    // ------------------------------------------------------------------ helpers

    /** Every entity of a collection in the workspace, following {@code next} across all pages. */
    private <W, T> Either<UpstreamFailure, List<T>> all(
            String collection, String workspaceId, Class<W> wireType, Function<W, Either<String, T>> mapping) {
        JavaType pageType = bodies.mapper().getTypeFactory().constructParametricType(Wire.Page.class, wireType);
        CallRunner.Reader<PageOf<T>> reader = mapped(bodies.<Wire.Page<W>>reader(pageType), page -> {
            List<T> items = new ArrayList<>();
            for (W element : Optional.ofNullable(page.data()).orElse(List.of())) {
                Either<String, T> item = mapping.apply(element);
                if (item.isLeft()) {
                    return Either.left(item.getLeft());
                }
                items.add(item.get());
            }
            return Either.right(new PageOf<>(items, page.next()));
        });
        List<T> all = new ArrayList<>();
        int offset = 0;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            int from = offset;
            Either<UpstreamFailure, PageOf<T>> page = runner.safe(
                    collectionCall("GET", collection),
                    auth -> api.list(auth, collection, workspaceId, PAGE_SIZE, from),
                    reader);
            if (page.isLeft()) {
                return Either.left(page.getLeft());
            }
            all.addAll(page.get().items());
            String next = page.get().next();
            if (next == null || next.isBlank() || page.get().items().isEmpty()) {
                break;
            }
            int nextOffset = nextOffset(next).orElse(offset + page.get().items().size());
            if (nextOffset <= offset) {
                break;
            }
            offset = nextOffset;
        }
        return Either.right(all);
    }

    /** One page of a list, mapped. */
    private record PageOf<T>(List<T> items, String next) {}

    /**
     * The offset of the {@code next} link. Only the offset is taken: the link's host may be Airbyte's internal
     * address, which meshprov cannot reach.
     */
    private static Optional<Integer> nextOffset(String next) {
        String query = next.contains("?") ? next.substring(next.indexOf('?')) : "";
        try {
            query = Optional.ofNullable(URI.create(next).getRawQuery())
                    .map(q -> "?" + q)
                    .orElse(query);
        } catch (IllegalArgumentException e) {
            // not a URI; read the text as it is
        }
        Matcher matcher = OFFSET.matcher(query);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

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
        return mapped(bodies.reader(Wire.ConnectorResponse.class), response -> WireMapping.connector(kind, response));
    }

    private CallRunner.Reader<Connection> connectionReader() {
        return mapped(bodies.reader(Wire.ConnectionResponse.class), WireMapping::connection);
    }

    private static <W, T> CallRunner.Reader<T> mapped(CallRunner.Reader<W> reader, Function<W, Either<String, T>> map) {
        return (status, body) -> reader.read(status, body).flatMap(map);
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

    private static Call byId(String method, String collection, String idName, String id) {
        return new Call(method, "/v1/" + collection + "/{" + idName + "}", "/v1/" + collection + "/" + id);
    }

    private static Call collectionCall(String method, String collection) {
        return new Call(method, "/v1/" + collection, "/v1/" + collection);
    }
}
