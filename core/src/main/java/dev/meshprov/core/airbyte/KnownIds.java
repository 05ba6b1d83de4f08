package dev.meshprov.core.airbyte;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the previous run recorded in {@code info.privateInfo}: the entity ids, the fingerprints of the secrets the
 * source and destination were configured with (see {@link SecretFingerprint}), and the fields of the configurations
 * it wrote (see {@link ConfigurationPaths}).
 *
 * @param sourceId the source id
 * @param destinationId the destination id
 * @param connectionId the connection id
 * @param sourceSecrets the fingerprint of the source's secrets
 * @param destinationSecrets the fingerprint of the destination's secrets
 * @param sourceWritten the fields of the source configuration written, as JSON Pointers
 * @param destinationWritten the fields of the destination configuration written, as JSON Pointers
 */
public record KnownIds(
        Optional<String> sourceId,
        Optional<String> destinationId,
        Optional<String> connectionId,
        Optional<String> sourceSecrets,
        Optional<String> destinationSecrets,
        Optional<Set<String>> sourceWritten,
        Optional<Set<String>> destinationWritten) {
    public KnownIds {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(sourceSecrets, "sourceSecrets");
        Objects.requireNonNull(destinationSecrets, "destinationSecrets");
        sourceWritten = sourceWritten.map(Set::copyOf);
        destinationWritten = destinationWritten.map(Set::copyOf);
    }

    /** Ids only, nothing else recorded. */
    public KnownIds(Optional<String> sourceId, Optional<String> destinationId, Optional<String> connectionId) {
        this(
                sourceId,
                destinationId,
                connectionId,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public static KnownIds none() {
        return new KnownIds(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The recorded fingerprint of the secrets of the source or destination. */
    public Optional<String> secretsOf(ConnectorKind kind) {
        return kind == ConnectorKind.SOURCE ? sourceSecrets : destinationSecrets;
    }

    /** The recorded fields of the configuration of the source or destination. */
    public Optional<Set<String>> writtenOf(ConnectorKind kind) {
        return kind == ConnectorKind.SOURCE ? sourceWritten : destinationWritten;
    }

    /** The id of the source or destination. */
    public Optional<String> of(ConnectorKind kind) {
        return kind == ConnectorKind.SOURCE ? sourceId : destinationId;
    }
}
