package dev.meshprov.core.port;

import dev.meshprov.core.model.LogLevel;

/**
 * Where a technology reports each step it takes; the entries become the contract's {@code logs}. Messages must
 * never contain secrets. Implementations are thread-safe.
 */
public interface OperationLog {

    /** Records one step. {@code phase} names the part of the operation, e.g. {@code source} or {@code copy}. */
    void record(LogLevel level, String phase, String message);

    default void info(String phase, String message) {
        record(LogLevel.INFO, phase, message);
    }

    default void warning(String phase, String message) {
        record(LogLevel.WARNING, phase, message);
    }

    default void error(String phase, String message) {
        record(LogLevel.ERROR, phase, message);
    }

    default void debug(String phase, String message) {
        record(LogLevel.DEBUG, phase, message);
    }
}
