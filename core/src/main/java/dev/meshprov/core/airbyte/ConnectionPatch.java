package dev.meshprov.core.airbyte;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a connection to change; absent fields stay as they are.
 *
 * @param name the new name
 * @param schedule the new schedule
 * @param streams the new, complete list of streams
 * @param namespaceDefinition the new namespace definition
 * @param namespaceFormat the new custom namespace format
 * @param status the new status
 */
public record ConnectionPatch(
        Optional<String> name,
        Optional<Schedule> schedule,
        Optional<List<StreamConfig>> streams,
        Optional<String> namespaceDefinition,
        Optional<String> namespaceFormat,
        Optional<String> status) {
    public ConnectionPatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(streams, "streams");
        streams = streams.map(List::copyOf);
        Objects.requireNonNull(namespaceDefinition, "namespaceDefinition");
        Objects.requireNonNull(namespaceFormat, "namespaceFormat");
        Objects.requireNonNull(status, "status");
    }

    /** A patch that changes nothing. */
    public static ConnectionPatch none() {
        return new ConnectionPatch(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return name.isEmpty()
                && schedule.isEmpty()
                && streams.isEmpty()
                && namespaceDefinition.isEmpty()
                && namespaceFormat.isEmpty()
                && status.isEmpty();
    }
}
