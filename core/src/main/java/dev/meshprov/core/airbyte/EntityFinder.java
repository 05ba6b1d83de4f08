package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.OperationLog;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds a component's entities: by the ids the previous run recorded (one call each, whatever the workspace size),
 * else by exact name across every page of the workspace. Two entities with the name is an error naming both: an
 * entity is never guessed.
 */
final class EntityFinder {

    private final AirbyteGateway gateway;

    EntityFinder(AirbyteGateway gateway) {
        this.gateway = gateway;
    }

    Either<UpstreamFailure, Optional<Connector>> connector(AirbyteSpec spec, ConnectorKind kind, OperationLog log) {
        String name = spec.names().of(kind);
        Optional<String> knownId = spec.knownIds().of(kind);
        if (knownId.isEmpty()) {
            return connectorNamed(kind, spec.workspaceId(), name);
        }
        return gateway.findConnector(kind, knownId.get()).flatMap(found -> {
            if (found.isPresent() && found.get().workspaceId().equals(spec.workspaceId())) {
                return Either.right(found);
            }
            log.info(kind.label(), lostMessage(kind.label(), knownId.get(), found.isPresent(), name));
            return connectorNamed(kind, spec.workspaceId(), name);
        });
    }

    Either<UpstreamFailure, Optional<Connection>> connection(AirbyteSpec spec, OperationLog log) {
        String name = spec.names().connection();
        Optional<String> knownId = spec.knownIds().connectionId();
        if (knownId.isEmpty()) {
            return connectionNamed(spec.workspaceId(), name);
        }
        return gateway.findConnection(knownId.get()).flatMap(found -> {
            if (found.isPresent() && found.get().workspaceId().equals(spec.workspaceId())) {
                return Either.right(found);
            }
            log.info("connection", lostMessage("connection", knownId.get(), found.isPresent(), name));
            return connectionNamed(spec.workspaceId(), name);
        });
    }

    Either<UpstreamFailure, Optional<Connector>> connectorNamed(ConnectorKind kind, String workspaceId, String name) {
        return gateway.connectorsNamed(kind, workspaceId, name)
                .flatMap(found -> unique(kind.label(), workspaceId, name, found, Connector::id));
    }

    Either<UpstreamFailure, Optional<Connection>> connectionNamed(String workspaceId, String name) {
        return gateway.connectionsNamed(workspaceId, name)
                .flatMap(found -> unique("connection", workspaceId, name, found, Connection::id));
    }

    private static String lostMessage(String what, String id, boolean elsewhere, String name) {
        return "The " + what + " " + id + " recorded by the previous run "
                + (elsewhere ? "is in another workspace" : "no longer exists") + "; looking it up by name '" + name
                + "'";
    }

    private static <T> Either<UpstreamFailure, Optional<T>> unique(
            String what, String workspaceId, String name, List<T> found, Function<T, String> id) {
        if (found.size() > 1) {
            String ids = found.stream().map(id).collect(Collectors.joining(", "));
            return Either.left(new UpstreamFailure.Conflict(
                    Reconciliation.SYSTEM,
                    "find " + what + " '" + name + "'",
                    found.size() + " " + what + "s in workspace " + workspaceId + " are named '" + name + "' (ids "
                            + ids + "); meshprov does not guess which one belongs to this component. Delete or"
                            + " rename the extra ones in Airbyte, then run again"));
        }
        return Either.right(found.stream().findFirst());
    }
}
