package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.OperationLog;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Carries out unprovisioning: the connection, then the destination and the source. Entities already gone are fine. */
final class PipelineRemover {

    /** How the summary says that an entity was not there. */
    private static final String GONE = " already gone";

    private final AirbyteGateway gateway;
    private final EntityFinder finder;

    PipelineRemover(AirbyteGateway gateway) {
        this.gateway = gateway;
        this.finder = new EntityFinder(gateway);
    }

    Either<UpstreamFailure, ProvisionResult> unprovision(AirbyteSpec spec, OperationLog log) {
        spec.notes().forEach(note -> log.info("validate", note));
        if (spec.removeData()) {
            log.warning(
                    "removeData",
                    "removeData is true, but Airbyte cannot delete data it has written: the tables in the"
                            + " destination are kept. Drop them in the destination itself if they must go.");
        }
        List<String> summary = new ArrayList<>();
        return finder.connection(spec, log)
                .flatMap(connection -> removeConnection(spec, connection, log, summary))
                .flatMap(done -> finder.connector(spec, ConnectorKind.DESTINATION, log))
                .flatMap(destination -> removeConnector(spec, ConnectorKind.DESTINATION, destination, log, summary))
                .flatMap(done -> finder.connector(spec, ConnectorKind.SOURCE, log))
                .flatMap(source -> removeConnector(spec, ConnectorKind.SOURCE, source, log, summary))
                .map(done -> ProvisionResult.withoutInfo(
                        summary.stream().allMatch(line -> line.endsWith(GONE))
                                ? "Airbyte entities of " + spec.componentId()
                                        + " were already absent; nothing to remove: " + String.join(", ", summary)
                                : "Airbyte entities of " + spec.componentId() + " removed: "
                                        + String.join(", ", summary)));
    }

    private Either<UpstreamFailure, Removal> removeConnection(
            AirbyteSpec spec, Optional<Connection> connection, OperationLog log, List<String> summary) {
        String name = spec.names().connection();
        if (connection.isEmpty()) {
            log.info("connection", "No connection named '" + name + "' exists; nothing to delete");
            summary.add("connection" + GONE);
            return Either.right(Removal.ALREADY_GONE);
        }
        String id = connection.get().id();
        return gateway.deleteConnection(id).peek(removal -> {
            log.info("connection", describe("connection", name, id, removal));
            summary.add("connection" + (removal == Removal.DELETED ? " deleted" : GONE));
        });
    }

    private Either<UpstreamFailure, Removal> removeConnector(
            AirbyteSpec spec,
            ConnectorKind kind,
            Optional<Connector> connector,
            OperationLog log,
            List<String> summary) {
        String name = spec.names().of(kind);
        if (connector.isEmpty()) {
            log.info(kind.label(), "No " + kind.label() + " named '" + name + "' exists; nothing to delete");
            summary.add(kind.label() + GONE);
            return Either.right(Removal.ALREADY_GONE);
        }
        String id = connector.get().id();
        return gateway.deleteConnector(kind, id).peek(removal -> {
            log.info(kind.label(), describe(kind.label(), name, id, removal));
            summary.add(kind.label() + (removal == Removal.DELETED ? " deleted" : GONE));
        });
    }

    private static String describe(String what, String name, String id, Removal removal) {
        return removal == Removal.DELETED
                ? "Deleted " + what + " '" + name + "' (" + id + ")"
                : "The " + what + " '" + name + "' (" + id + ") was already gone";
    }
}
