package dev.meshprov.core.airbyte;

import java.util.Objects;

/**
 * The names that identify a component's entities in its workspace.
 *
 * @param source the source name
 * @param destination the destination name
 * @param connection the connection name
 */
public record EntityNames(String source, String destination, String connection) {
    public EntityNames {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(connection, "connection");
    }

    /** The name of the source or destination. */
    public String of(ConnectorKind kind) {
        return kind == ConnectorKind.SOURCE ? source : destination;
    }
}
