package dev.meshprov.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an operation, as returned in the contract's {@code logs} arrays.
 *
 * @param timestamp when it happened
 * @param level its severity
 * @param message what was done, for a person; never a secret
 * @param phase the phase of the operation (e.g. {@code validate}, {@code source}, {@code copy}), if any
 */
public record LogEntry(Instant timestamp, LogLevel level, String message, Optional<String> phase) {
    public LogEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(phase, "phase");
    }
}
