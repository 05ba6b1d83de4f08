package dev.meshprov.core.airbyte;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection to create.
 *
 * @param name its name
 * @param sourceId the source to read from
 * @param destinationId the destination to write to
 * @param schedule when to sync
 * @param streams the streams to sync
 * @param namespaceDefinition where to write, when set
 * @param namespaceFormat the custom namespace format, when {@code namespaceDefinition} is {@code custom_format}
 * @param status {@code active} or {@code inactive}; Airbyte's default when empty
 */
public record ConnectionDraft(
        String name,
        String sourceId,
        String destinationId,
        Schedule schedule,
        List<StreamConfig> streams,
        Optional<String> namespaceDefinition,
        Optional<String> namespaceFormat,
        Optional<String> status) {
    public ConnectionDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(schedule, "schedule");
        streams = List.copyOf(streams);
        Objects.requireNonNull(namespaceDefinition, "namespaceDefinition");
        Objects.requireNonNull(namespaceFormat, "namespaceFormat");
        Objects.requireNonNull(status, "status");
    }
}
