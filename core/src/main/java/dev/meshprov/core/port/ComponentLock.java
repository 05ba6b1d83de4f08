package dev.meshprov.core.port;

/**
 * Mutual exclusion of mutating operations per component, across threads and, for shared implementations, across
 * processes.
 */
public interface ComponentLock {

    /**
     * Blocks until the caller holds the lock of {@code componentId}; waiters are served in order of arrival.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    Lease acquire(String componentId) throws InterruptedException;

    /** A held lock; closing it releases the lock. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
