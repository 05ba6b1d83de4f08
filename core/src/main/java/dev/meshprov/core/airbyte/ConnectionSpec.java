package dev.meshprov.core.airbyte;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection as it should be.
 *
 * @param name its name
 * @param schedule when it syncs (manual by default)
 * @param streams the streams to sync; empty for every stream the source offers, in {@code full_refresh_overwrite}
 * @param namespaceDefinition where to write; left as Airbyte has it when empty
 * @param namespaceFormat the custom namespace format for {@code custom_format}
 * @param status {@code active} or {@code inactive}; left as Airbyte has it when empty
 * @param syncOnProvision whether provisioning starts a sync
 */
public record ConnectionSpec(
        String name,
        Schedule schedule,
        Optional<List<StreamConfig>> streams,
        Optional<String> namespaceDefinition,
        Optional<String> namespaceFormat,
        Optional<String> status,
        boolean syncOnProvision) {
    public ConnectionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(streams, "streams");
        streams = streams.map(List::copyOf);
        Objects.requireNonNull(namespaceDefinition, "namespaceDefinition");
        Objects.requireNonNull(namespaceFormat, "namespaceFormat");
        Objects.requireNonNull(status, "status");
    }
}
