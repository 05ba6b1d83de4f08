package dev.meshprov.core.airbyte;

import java.util.List;
import java.util.Objects;

/**
 * One stream of a connection and how it syncs.
 *
 * @param name the stream name
 * @param syncMode Airbyte's sync mode, e.g. {@code full_refresh_overwrite}
 * @param cursorField the cursor field path for incremental modes; empty for the source's default
 * @param primaryKey the primary key (a list of field paths); empty for the source's default
 */
public record StreamConfig(String name, String syncMode, List<String> cursorField, List<List<String>> primaryKey) {

    /** The sync mode used when none is given. */
    public static final String DEFAULT_SYNC_MODE = "full_refresh_overwrite";

    public StreamConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(syncMode, "syncMode");
        cursorField = List.copyOf(cursorField);
        primaryKey = primaryKey.stream().map(List::copyOf).toList();
    }

    public static StreamConfig of(String name, String syncMode) {
        return new StreamConfig(name, syncMode, List.of(), List.of());
    }

    /** {@code name (syncMode)}, for logs and plans. */
    public String describe() {
        return name + " (" + syncMode + ")";
    }
}
