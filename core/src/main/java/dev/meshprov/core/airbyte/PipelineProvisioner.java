package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.OperationLog;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Carries out provisioning: source, destination, connection, then the optional sync, each created or changed only
 * where it differs, one log entry per action. A failure midway leaves only entities that are findable by name, so
 * the next run completes the work.
 */
final class PipelineProvisioner {

    private final AirbyteSettings settings;
    private final AirbyteGateway gateway;
    private final EntityFinder finder;

    PipelineProvisioner(AirbyteSettings settings, AirbyteGateway gateway) {
        this.settings = settings;
        this.gateway = gateway;
        this.finder = new EntityFinder(gateway);
    }

    Either<UpstreamFailure, ProvisionResult> provision(AirbyteSpec spec, OperationLog log) {
        Pipeline pipeline = spec.requirePipeline();
        spec.notes().forEach(note -> log.info("validate", note));
        List<String> summary = new ArrayList<>();
        return ensure(spec, ConnectorKind.SOURCE, log, summary)
                .flatMap(source -> ensure(spec, ConnectorKind.DESTINATION, log, summary)
                        .flatMap(destination -> ensureConnection(spec, source, destination, log, summary)
                                .flatMap(connection -> sync(pipeline.connection(), connection, log)
                                        .map(job -> ProvisionResult.of(
                                                "Airbyte connection '" + connection.name() + "' (" + connection.id()
                                                        + ") provisioned: " + String.join(", ", summary),
                                                AirbyteInfo.of(
                                                        settings,
                                                        spec.requirePipeline(),
                                                        spec.workspaceId(),
                                                        source,
                                                        destination,
                                                        connection,
                                                        job))))));
    }

    private Either<UpstreamFailure, Connector> ensure(
            AirbyteSpec spec, ConnectorKind kind, OperationLog log, List<String> summary) {
        ConnectorSpec desired = spec.requirePipeline().connector(kind);
        String phase = kind.label();
        if (kind == ConnectorKind.DESTINATION) {
            spec.warnings().forEach(warning -> log.warning(phase, warning));
        }
        return finder.connector(spec, kind, log)
                .flatMap(observed -> Reconciliation.connector(
                        kind, desired, observed, Reconciliation.Recorded.of(spec.knownIds(), kind)))
                .flatMap(change -> {
                    summary.add(phase + " " + pastTense(change.kind()));
                    return switch (change.kind()) {
                        case CREATE ->
                            gateway.createConnector(kind, spec.workspaceId(), desired)
                                    .peek(created -> log.info(
                                            phase,
                                            "Created " + phase + " '" + created.name() + "' (" + created.id() + ")"));
                        case UPDATE -> {
                            Connector found = change.observed().orElseThrow();
                            yield gateway.updateConnector(kind, found.id(), change.patch())
                                    .peek(updated -> log.info(
                                            phase,
                                            "Updated " + phase + " '" + updated.name() + "' (" + updated.id() + "): "
                                                    + change.detail()));
                        }
                        default -> {
                            Connector found = change.observed().orElseThrow();
                            log.info(
                                    phase,
                                    "The " + phase + " '" + found.name() + "' (" + found.id()
                                            + ") is up to date; nothing sent");
                            yield Either.right(found);
                        }
                    };
                });
    }

    private Either<UpstreamFailure, Connection> ensureConnection(
            AirbyteSpec spec, Connector source, Connector destination, OperationLog log, List<String> summary) {
        ConnectionSpec desired = spec.requirePipeline().connection();
        return finder.connection(spec, log).flatMap(observed -> gateway.streams(source.id(), destination.id())
                .flatMap(discovered -> Reconciliation.streams(desired, source, discovered))
                .flatMap(streams -> {
                    ConnectionChange change =
                            Reconciliation.connection(desired, observed, source.id(), destination.id(), streams);
                    summary.add("connection " + pastTense(change.kind()));
                    return apply(spec, change, source, destination, streams, log);
                }));
    }

    private Either<UpstreamFailure, Connection> apply(
            AirbyteSpec spec,
            ConnectionChange change,
            Connector source,
            Connector destination,
            List<StreamConfig> streams,
            OperationLog log) {
        ConnectionSpec desired = spec.requirePipeline().connection();
        return switch (change.kind()) {
            case CREATE -> create(spec, desired, source, destination, streams, log);
            case REPLACE -> {
                Connection old = change.observed().orElseThrow();
                yield gateway.deleteConnection(old.id())
                        .peek(removed -> log.info(
                                "connection",
                                "Deleted connection '" + old.name() + "' (" + old.id() + ") to replace it: "
                                        + String.join("; ", change.differences())))
                        .flatMap(removed -> create(spec, desired, source, destination, streams, log));
            }
            case UPDATE -> {
                Connection found = change.observed().orElseThrow();
                yield gateway.updateConnection(found.id(), change.patch())
                        .peek(updated -> log.info(
                                "connection",
                                "Updated connection '" + updated.name() + "' (" + updated.id() + "): "
                                        + change.detail()));
            }
            default -> {
                Connection found = change.observed().orElseThrow();
                log.info(
                        "connection",
                        "The connection '" + found.name() + "' (" + found.id() + ") is up to date; nothing sent");
                yield Either.right(found);
            }
        };
    }

    private Either<UpstreamFailure, Connection> create(
            AirbyteSpec spec,
            ConnectionSpec desired,
            Connector source,
            Connector destination,
            List<StreamConfig> streams,
            OperationLog log) {
        ConnectionDraft draft = new ConnectionDraft(
                desired.name(),
                source.id(),
                destination.id(),
                desired.schedule(),
                streams,
                desired.namespaceDefinition(),
                desired.namespaceFormat(),
                desired.status());
        return gateway.createConnection(spec.workspaceId(), draft)
                .peek(created -> log.info(
                        "connection",
                        "Created connection '" + created.name() + "' (" + created.id() + "), schedule "
                                + created.schedule().describe() + ", " + streams.size() + " stream(s)"));
    }

    private Either<UpstreamFailure, Optional<SyncJob>> sync(
            ConnectionSpec desired, Connection connection, OperationLog log) {
        if (!desired.syncOnProvision()) {
            return Either.right(Optional.empty());
        }
        Either<UpstreamFailure, SyncJob> started = gateway.startSync(connection.id());
        if (started.isLeft() && started.getLeft() instanceof UpstreamFailure.Conflict conflict) {
            log.warning(
                    "sync",
                    "No sync started: a sync of connection " + connection.id() + " is already running ("
                            + conflict.detail() + ")");
            return Either.right(Optional.empty());
        }
        return started.peek(job -> log.info(
                        "sync",
                        "Started sync job " + job.id() + " of connection " + connection.id() + " (" + job.status()
                                + ")"))
                .map(Optional::of);
    }

    private static String pastTense(ChangeKind kind) {
        return switch (kind) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case REPLACE -> "replaced";
            case DELETE -> "deleted";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
