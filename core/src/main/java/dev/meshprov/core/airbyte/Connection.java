package dev.meshprov.core.airbyte;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Airbyte connection as Airbyte reports it.
 *
 * @param id its id (a UUID)
 * @param name its name
 * @param sourceId the source it reads from
 * @param destinationId the destination it writes to
 * @param workspaceId the workspace it lives in
 * @param status {@code active}, {@code inactive} or {@code deprecated}
 * @param schedule when it syncs
 * @param streams the configured streams
 * @param namespaceDefinition {@code source}, {@code destination} or {@code custom_format}, when reported
 * @param namespaceFormat the custom namespace format, when reported
 */
public record Connection(
        String id,
        String name,
        String sourceId,
        String destinationId,
        String workspaceId,
        String status,
        Schedule schedule,
        List<StreamConfig> streams,
        Optional<String> namespaceDefinition,
        Optional<String> namespaceFormat) {
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(schedule, "schedule");
        streams = List.copyOf(streams);
        Objects.requireNonNull(namespaceDefinition, "namespaceDefinition");
        Objects.requireNonNull(namespaceFormat, "namespaceFormat");
    }
}
