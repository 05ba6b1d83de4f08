package dev.meshprov.core.port;

/** The task store is at capacity; the request should be retried later. */
public final class TaskStoreFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskStoreFullException(String message) {
        super(message);
    }
}
