package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pure part of provisioning: given what should be and what Airbyte has, what to do. No I/O; {@code plan} prints
 * these decisions and {@code provision} carries them out.
 */
final class Reconciliation {

    static final String SYSTEM = "Airbyte";

    private Reconciliation() {}

    /**
     * Create, update (only what differs) or leave a source or destination; a connector change is a conflict. Since
     * Airbyte masks secrets, a changed secret is noticed by comparing its fingerprint with the one the previous run
     * recorded (when it recorded one). Since Airbyte's PATCH deep-merges the configuration into the stored one, a
     * field meshprov wrote last time ({@code recorded.written}) that the descriptor no longer has, and that Airbyte
     * still holds, makes the update a replacement (PUT) of the whole configuration.
     */
    static Either<UpstreamFailure, ConnectorChange> connector(
            ConnectorKind kind, ConnectorSpec desired, Optional<Connector> observed, Recorded recorded) {
        if (observed.isEmpty()) {
            return Either.right(new ConnectorChange(
                    ChangeKind.CREATE, observed, new ConnectorPatch(Optional.empty(), Optional.empty()), List.of()));
        }
        Connector found = observed.get();
        Optional<String> otherConnector = otherConnector(desired, found);
        if (otherConnector.isPresent()) {
            return Either.left(new UpstreamFailure.Conflict(
                    SYSTEM,
                    "reconcile " + kind.label() + " " + found.id(),
                    kind.label() + " '" + found.name() + "' (" + found.id() + ") uses " + otherConnector.get()
                            + ", but the descriptor asks for " + describeConnector(desired)
                            + "; Airbyte cannot change the connector of a " + kind.label()
                            + ". Unprovision the component first, or give the " + kind.label() + " a new name"));
        }
        List<String> differences = new ArrayList<>();
        Optional<String> name = Optional.empty();
        if (!found.name().equals(desired.name())) {
            differences.add("name");
            name = Optional.of(desired.name());
        }
        List<String> configuration = new ArrayList<>(
                ConfigurationDiff.differences("configuration", desired.configuration(), found.configuration()));
        if (recorded.secrets().filter(SecretFingerprint::isFingerprint).isPresent()
                && !recorded.secrets().equals(SecretFingerprint.of(kind, desired.name(), desired.configuration()))) {
            configuration.add("configuration secrets (changed since the last run)");
        }
        List<String> removed = recorded.written()
                .map(written -> ConfigurationPaths.removed(written, desired.configuration(), found.configuration()))
                .orElse(List.of());
        removed.forEach(
                pointer -> configuration.add("configuration." + ConfigurationPaths.dotted(pointer) + " (removed)"));
        boolean replace = !removed.isEmpty()
                || !ConfigurationPaths.unmergeable(desired.configuration(), found.configuration())
                        .isEmpty();
        differences.addAll(configuration);
        ConnectorPatch patch;
        if (configuration.isEmpty()) {
            patch = new ConnectorPatch(name, Optional.empty());
        } else if (replace) {
            patch = ConnectorPatch.replacing(desired.name(), desired.configuration());
        } else {
            patch = new ConnectorPatch(name, Optional.of(desired.configuration()));
        }
        return Either.right(new ConnectorChange(
                patch.isEmpty() ? ChangeKind.UNCHANGED : ChangeKind.UPDATE, observed, patch, differences));
    }

    /**
     * What the previous run recorded about a source or destination.
     *
     * @param secrets the fingerprint of its secrets
     * @param written the fields of the configuration it wrote, as JSON Pointers
     */
    record Recorded(Optional<String> secrets, Optional<Set<String>> written) {
        /** Nothing recorded (a first run, or a run before meshprov recorded these). */
        static Recorded none() {
            return new Recorded(Optional.empty(), Optional.empty());
        }

        static Recorded of(KnownIds known, ConnectorKind kind) {
            return new Recorded(known.secretsOf(kind), known.writtenOf(kind));
        }
    }

    private static Optional<String> otherConnector(ConnectorSpec desired, Connector found) {
        if (desired.definitionId().isPresent()
                && found.definitionId().isPresent()
                && !desired.definitionId()
                        .get()
                        .equalsIgnoreCase(found.definitionId().get())) {
            return Optional.of(
                    "the connector definition " + found.definitionId().get());
        }
        if (desired.connectorType().isPresent()
                && found.connectorType().isPresent()
                && !desired.connectorType()
                        .get()
                        .equalsIgnoreCase(found.connectorType().get())) {
            return Optional.of("the connector type " + found.connectorType().get());
        }
        return Optional.empty();
    }

    private static String describeConnector(ConnectorSpec desired) {
        return desired.definitionId()
                .map(id -> "the connector definition " + id)
                .orElseGet(() -> "the connector type " + desired.connectorType().orElse("?"));
    }

    /**
     * The streams to configure: the listed ones, checked against what the source offers, or every offered stream in
     * {@code full_refresh_overwrite} (or the first mode it supports).
     */
    static Either<UpstreamFailure, List<StreamConfig>> streams(
            ConnectionSpec desired, Connector source, List<DiscoveredStream> discovered) {
        Map<String, DiscoveredStream> offered = new LinkedHashMap<>();
        discovered.forEach(stream -> offered.put(stream.name(), stream));
        String operation = "select streams of source " + source.id();
        if (desired.streams().isEmpty()) {
            if (offered.isEmpty()) {
                return Either.left(new UpstreamFailure.Conflict(
                        SYSTEM,
                        operation,
                        "Airbyte discovered no stream in source '" + source.name()
                                + "'; check the source configuration (url, format, dataset_name)"));
            }
            return Either.right(
                    offered.values().stream().map(Reconciliation::defaultStream).toList());
        }
        List<String> problems = new ArrayList<>();
        for (StreamConfig stream : desired.streams().get()) {
            DiscoveredStream match = offered.get(stream.name());
            if (match == null) {
                problems.add("stream '" + stream.name() + "' is not offered (offered: "
                        + String.join(", ", offered.keySet()) + ")");
            } else if (!match.syncModes().isEmpty() && !match.syncModes().contains(stream.syncMode())) {
                problems.add("stream '" + stream.name() + "' does not support " + stream.syncMode() + " (supported: "
                        + String.join(", ", match.syncModes()) + ")");
            }
        }
        if (!problems.isEmpty()) {
            return Either.left(new UpstreamFailure.Conflict(
                    SYSTEM,
                    operation,
                    "source '" + source.name() + "' does not match connection.streams: " + String.join("; ", problems)
                            + ". Fix connection.streams in the descriptor"));
        }
        return Either.right(desired.streams().get());
    }

    private static StreamConfig defaultStream(DiscoveredStream stream) {
        String mode = stream.syncModes().isEmpty() || stream.syncModes().contains(StreamConfig.DEFAULT_SYNC_MODE)
                ? StreamConfig.DEFAULT_SYNC_MODE
                : stream.syncModes().get(0);
        return StreamConfig.of(stream.name(), mode);
    }

    /** Create, replace (when it links other entities), update (only what differs) or leave the connection. */
    static ConnectionChange connection(
            ConnectionSpec desired,
            Optional<Connection> observed,
            String sourceId,
            String destinationId,
            List<StreamConfig> streams) {
        if (observed.isEmpty()) {
            return new ConnectionChange(ChangeKind.CREATE, observed, ConnectionPatch.none(), List.of());
        }
        Connection found = observed.get();
        List<String> moved = new ArrayList<>();
        if (!found.sourceId().equals(sourceId)) {
            moved.add("it reads from source " + found.sourceId() + ", not " + sourceId);
        }
        if (!found.destinationId().equals(destinationId)) {
            moved.add("it writes to destination " + found.destinationId() + ", not " + destinationId);
        }
        if (!moved.isEmpty()) {
            return new ConnectionChange(ChangeKind.REPLACE, observed, ConnectionPatch.none(), moved);
        }
        List<String> differences = new ArrayList<>();
        Optional<String> name = changed("name", found.name(), Optional.of(desired.name()), differences);
        Optional<Schedule> schedule = Optional.empty();
        if (!sameSchedule(desired.schedule(), found.schedule())) {
            differences.add("schedule: " + found.schedule().describe() + " -> "
                    + desired.schedule().describe());
            schedule = Optional.of(desired.schedule());
        }
        Optional<List<StreamConfig>> newStreams = Optional.empty();
        if (!sameStreams(streams, found.streams())) {
            differences.add("streams: " + describe(found.streams()) + " -> " + describe(streams));
            newStreams = Optional.of(streams);
        }
        Optional<String> namespace = changed(
                "namespaceDefinition",
                found.namespaceDefinition().orElse(""),
                desired.namespaceDefinition(),
                differences);
        Optional<String> format =
                changed("namespaceFormat", found.namespaceFormat().orElse(""), desired.namespaceFormat(), differences);
        if (namespace.isPresent() && desired.namespaceFormat().isPresent()) {
            format = desired.namespaceFormat();
        }
        Optional<String> status = changed("status", found.status(), desired.status(), differences);
        ConnectionPatch patch = new ConnectionPatch(name, schedule, newStreams, namespace, format, status);
        return new ConnectionChange(
                patch.isEmpty() ? ChangeKind.UNCHANGED : ChangeKind.UPDATE, observed, patch, differences);
    }

    private static Optional<String> changed(
            String field, String observed, Optional<String> desired, List<String> differences) {
        if (desired.isPresent() && !desired.get().equals(observed)) {
            differences.add(field + ": " + (observed.isEmpty() ? "(none)" : observed) + " -> " + desired.get());
            return desired;
        }
        return Optional.empty();
    }

    /**
     * Whether two schedules are the same. Cron expressions are compared as cron-utils reads them (so {@code MON} and
     * {@code 2} are the same day); a time zone missing from Airbyte's answer counts as the desired one (some
     * versions do not echo the suffix).
     */
    static boolean sameSchedule(Schedule desired, Schedule observed) {
        if (!desired.type().equals(observed.type())) {
            return false;
        }
        if (desired.cronExpression().isEmpty() || observed.cronExpression().isEmpty()) {
            return desired.cronExpression().equals(observed.cronExpression());
        }
        Either<String, ScheduleCron.Parsed> wanted =
                ScheduleCron.read(desired.cronExpression().get());
        Either<String, ScheduleCron.Parsed> found =
                ScheduleCron.read(observed.cronExpression().get());
        if (wanted.isLeft() || found.isLeft()) {
            return desired.cronExpression().equals(observed.cronExpression());
        }
        return wanted.get().quartz().sameAs(found.get().quartz())
                && (found.get().timeZone().isEmpty()
                        || found.get().timeZone().equals(wanted.get().timeZone()));
    }

    static boolean sameStreams(List<StreamConfig> desired, List<StreamConfig> observed) {
        Map<String, StreamConfig> byName =
                observed.stream().collect(Collectors.toMap(StreamConfig::name, s -> s, (a, b) -> a));
        if (byName.size() != observed.size() || desired.size() != observed.size()) {
            return false;
        }
        for (StreamConfig wanted : desired) {
            StreamConfig found = byName.get(wanted.name());
            if (found == null || !found.syncMode().equals(wanted.syncMode())) {
                return false;
            }
            if (!wanted.cursorField().isEmpty() && !wanted.cursorField().equals(found.cursorField())) {
                return false;
            }
            if (!wanted.primaryKey().isEmpty() && !Objects.equals(wanted.primaryKey(), found.primaryKey())) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<StreamConfig> streams) {
        return streams.isEmpty()
                ? "(none)"
                : streams.stream().map(StreamConfig::describe).collect(Collectors.joining(", "));
    }
}
