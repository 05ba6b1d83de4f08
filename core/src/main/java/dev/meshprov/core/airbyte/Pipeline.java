package dev.meshprov.core.airbyte;

import java.util.Objects;

/**
 * Everything one component should be in Airbyte.
 *
 * @param source the source
 * @param destination the destination
 * @param connection the connection between them
 */
public record Pipeline(ConnectorSpec source, ConnectorSpec destination, ConnectionSpec connection) {
    public Pipeline {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(connection, "connection");
    }

    /** The source or destination. */
    public ConnectorSpec connector(ConnectorKind kind) {
        return kind == ConnectorKind.SOURCE ? source : destination;
    }
}
