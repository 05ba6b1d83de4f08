package dev.meshprov.core.model;

/** Severity of a {@link LogEntry}, with the contract's names. */
public enum LogLevel {
    DEBUG,
    INFO,
    WARNING,
    ERROR
}
