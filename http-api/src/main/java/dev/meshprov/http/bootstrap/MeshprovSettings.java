package dev.meshprov.http.bootstrap;

import dev.meshprov.http.logging.LoggingSettings;
import java.util.Map;

/**
 * The process-wide settings (everything but the technology sections), defaults applied.
 *
 * @param server section {@code server}
 * @param tasks section {@code tasks}
 * @param logging section {@code logging}
 * @param routing section {@code routing}
 */
public record MeshprovSettings(
        ServerSettings server, TaskSettings tasks, LoggingSettings logging, Map<String, RouteSettings> routing) {

    public MeshprovSettings {
        routing = Map.copyOf(routing);
    }
}
