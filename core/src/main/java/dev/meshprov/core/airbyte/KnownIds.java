package dev.meshprov.core.airbyte;

import java.util.Objects;
import java.util.Optional;

/**
 * The ids the previous run recorded in {@code info.privateInfo}.
 *
 * @param sourceId the source id
 * @param destinationId the destination id
 * @param connectionId the connection id
 */
public record KnownIds(Optional<String> sourceId, Optional<String> destinationId, Optional<String> connectionId) {
    public KnownIds {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(connectionId, "connectionId");
    }

    public static KnownIds none() {
        return new KnownIds(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The id of the source or destination. */
    public Optional<String> of(ConnectorKind kind) {
        return kind == ConnectorKind.SOURCE ? sourceId : destinationId;
    }
}
