package dev.meshprov.core.airbyte;

import java.util.Objects;
import java.util.Optional;

/**
 * What the previous run recorded in {@code info.privateInfo}: the entity ids, and the fingerprints of the secrets
 * the source and destination were configured with (see {@link SecretFingerprint}).
 *
 * @param sourceId the source id
 * @param destinationId the destination id
 * @param connectionId the connection id
 * @param sourceSecrets the fingerprint of the source's secrets
 * @param destinationSecrets the fingerprint of the destination's secrets
 */
public record KnownIds(
        Optional<String> sourceId,
        Optional<String> destinationId,
        Optional<String> connectionId,
        Optional<String> sourceSecrets,
        Optional<String> destinationSecrets) {
    public KnownIds {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(sourceSecrets, "sourceSecrets");
        Objects.requireNonNull(destinationSecrets, "destinationSecrets");
    }

    /** Ids only, no recorded fingerprints. */
    public KnownIds(Optional<String> sourceId, Optional<String> destinationId, Optional<String> connectionId) {
        this(sourceId, destinationId, connectionId, Optional.empty(), Optional.empty());
    }

    public static KnownIds none() {
        return new KnownIds(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The recorded fingerprint of the secrets of the source or destination. */
    public Optional<String> secretsOf(ConnectorKind kind) {
        return kind == ConnectorKind.SOURCE ? sourceSecrets : destinationSecrets;
    }

    /** The id of the source or destination. */
    public Optional<String> of(ConnectorKind kind) {
        return kind == ConnectorKind.SOURCE ? sourceId : destinationId;
    }
}
