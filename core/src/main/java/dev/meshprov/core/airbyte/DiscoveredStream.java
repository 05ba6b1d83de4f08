package dev.meshprov.core.airbyte;

import java.util.List;
import java.util.Objects;

/**
 * A stream a source offers to a destination, as Airbyte discovers it.
 *
 * @param name the stream name
 * @param syncModes the sync modes this source and destination support for it
 */
public record DiscoveredStream(String name, List<String> syncModes) {
    public DiscoveredStream {
        Objects.requireNonNull(name, "name");
        syncModes = List.copyOf(syncModes);
    }
}
