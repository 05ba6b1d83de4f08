package dev.meshprov.jdbc;

/**
 * The task database failed: it could not be reached, refused a statement or is closed. The message says which
 * step failed and why, and never contains the database password.
 */
public final class TaskStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskStoreException(String message) {
        super(message);
    }
}
