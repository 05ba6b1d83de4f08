package dev.meshprov.core.port;

/** Whether a technology answers provision requests at once (sync) or with a token to poll (async). */
public enum ExecutionMode {
    SYNC,
    ASYNC
}
