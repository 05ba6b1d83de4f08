package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * What the Airbyte technology needs from an Airbyte server. Implementations translate every error into an
 * {@link UpstreamFailure} whose texts are redacted; they retry what is safe to retry and never create an entity
 * twice: a create whose outcome is unknown (time-out, connection reset, 5xx) is followed by a lookup by name before
 * it is tried again. Implementations are thread-safe.
 */
public interface AirbyteGateway {

    /** The workspace; {@link UpstreamFailure.NotFound} when it does not exist. */
    Either<UpstreamFailure, Workspace> workspace(String workspaceId);

    /**
     * One quick attempt to read the workspace, for readiness checks: no retries and a short time-out, so that a
     * health probe answers within seconds. By default the same as {@link #workspace}.
     */
    default Either<UpstreamFailure, Workspace> probe(String workspaceId) {
        return workspace(workspaceId);
    }

    /** The source or destination with this id; empty when it does not exist. */
    Either<UpstreamFailure, Optional<Connector>> findConnector(ConnectorKind kind, String id);

    /** Every source or destination of the workspace whose name is exactly {@code name}, across all pages. */
    Either<UpstreamFailure, List<Connector>> connectorsNamed(ConnectorKind kind, String workspaceId, String name);

    /** Creates a source or destination in the workspace. */
    Either<UpstreamFailure, Connector> createConnector(ConnectorKind kind, String workspaceId, ConnectorSpec spec);

    /** Changes the given fields of a source or destination. */
    Either<UpstreamFailure, Connector> updateConnector(ConnectorKind kind, String id, ConnectorPatch patch);

    /** Deletes a source or destination; one that does not exist is {@link Removal#ALREADY_GONE}. */
    Either<UpstreamFailure, Removal> deleteConnector(ConnectorKind kind, String id);

    /** The connection with this id; empty when it does not exist. */
    Either<UpstreamFailure, Optional<Connection>> findConnection(String id);

    /** Every connection of the workspace whose name is exactly {@code name}, across all pages. */
    Either<UpstreamFailure, List<Connection>> connectionsNamed(String workspaceId, String name);

    /**
     * Creates a connection. {@code workspaceId} is the workspace of its source; it lets the implementation look the
     * connection up by name when the outcome of the create is unknown.
     */
    Either<UpstreamFailure, Connection> createConnection(String workspaceId, ConnectionDraft draft);

    /** Changes the given fields of a connection. */
    Either<UpstreamFailure, Connection> updateConnection(String id, ConnectionPatch patch);

    /** Deletes a connection; one that does not exist is {@link Removal#ALREADY_GONE}. */
    Either<UpstreamFailure, Removal> deleteConnection(String id);

    /** The streams the source offers to the destination, with the sync modes each supports. */
    Either<UpstreamFailure, List<DiscoveredStream>> streams(String sourceId, String destinationId);

    /**
     * Starts a sync of the connection. Never retried blindly; {@link UpstreamFailure.Conflict} when a sync is
     * already running.
     */
    Either<UpstreamFailure, SyncJob> startSync(String connectionId);
}
