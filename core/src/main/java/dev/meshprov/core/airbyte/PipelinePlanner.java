package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What provisioning (or, for a spec validated for unprovisioning, removal) would do, per entity, reading Airbyte
 * but never writing.
 */
final class PipelinePlanner {

    private static final OperationLog QUIET = (level, phase, message) -> {};

    private final AirbyteGateway gateway;
    private final EntityFinder finder;

    PipelinePlanner(AirbyteGateway gateway) {
        this.gateway = gateway;
        this.finder = new EntityFinder(gateway);
    }

    Either<UpstreamFailure, Plan> plan(AirbyteSpec spec) {
        if (spec.pipeline().isEmpty()) {
            return removalPlan(spec);
        }
        Pipeline pipeline = spec.pipeline().get();
        return connectorChange(spec, ConnectorKind.SOURCE).flatMap(source -> connectorChange(
                        spec, ConnectorKind.DESTINATION)
                .flatMap(destination -> finder.connection(spec, QUIET)
                        .flatMap(observed -> connectionChange(pipeline, source, destination, observed))
                        .map(connection -> {
                            List<PlannedChange> changes = new ArrayList<>();
                            changes.add(planned("source", pipeline.source().name(), source.kind(), source.detail()));
                            changes.add(planned(
                                    "destination",
                                    pipeline.destination().name(),
                                    destination.kind(),
                                    destination.detail()));
                            changes.add(connection);
                            if (pipeline.connection().syncOnProvision()) {
                                changes.add(planned(
                                        "job",
                                        pipeline.connection().name(),
                                        ChangeKind.CREATE,
                                        "syncOnProvision starts a sync"));
                            }
                            return new Plan(changes);
                        })));
    }

    private Either<UpstreamFailure, ConnectorChange> connectorChange(AirbyteSpec spec, ConnectorKind kind) {
        return finder.connector(spec, kind, QUIET)
                .flatMap(observed -> Reconciliation.connector(
                        kind,
                        spec.requirePipeline().connector(kind),
                        observed,
                        Reconciliation.Recorded.of(spec.knownIds(), kind)));
    }

    private Either<UpstreamFailure, PlannedChange> connectionChange(
            Pipeline pipeline, ConnectorChange source, ConnectorChange destination, Optional<Connection> observed) {
        String name = pipeline.connection().name();
        if (source.observed().isEmpty() || destination.observed().isEmpty()) {
            String why = (source.observed().isEmpty() ? "the source" : "the destination")
                    + " is created first; the streams are chosen from what it offers";
            return Either.right(
                    observed.isPresent()
                            ? planned(
                                    "connection",
                                    name,
                                    ChangeKind.REPLACE,
                                    why + ", and the existing connection "
                                            + observed.get().id() + " is replaced to use it")
                            : planned("connection", name, ChangeKind.CREATE, why));
        }
        Connector sourceFound = source.observed().get();
        String destinationId = destination.observed().get().id();
        return gateway.streams(sourceFound.id(), destinationId)
                .flatMap(discovered -> Reconciliation.streams(pipeline.connection(), sourceFound, discovered))
                .map(streams -> Reconciliation.connection(
                        pipeline.connection(), observed, sourceFound.id(), destinationId, streams))
                .map(change -> planned("connection", name, change.kind(), change.detail()));
    }

    private Either<UpstreamFailure, Plan> removalPlan(AirbyteSpec spec) {
        return finder.connection(spec, QUIET).flatMap(connection -> finder.connector(
                        spec, ConnectorKind.DESTINATION, QUIET)
                .flatMap(destination -> finder.connector(spec, ConnectorKind.SOURCE, QUIET)
                        .map(source -> new Plan(List.of(
                                removal("connection", spec.names().connection(), connection.map(Connection::id)),
                                removal("destination", spec.names().destination(), destination.map(Connector::id)),
                                removal("source", spec.names().source(), source.map(Connector::id)))))));
    }

    private static PlannedChange removal(String entity, String name, Optional<String> id) {
        return id.map(found -> planned(entity, name, ChangeKind.DELETE, "deletes " + found))
                .orElseGet(() -> planned(entity, name, ChangeKind.UNCHANGED, "not found; nothing to delete"));
    }

    private static PlannedChange planned(String entity, String name, ChangeKind kind, String detail) {
        return new PlannedChange(entity, name, kind, detail);
    }
}
