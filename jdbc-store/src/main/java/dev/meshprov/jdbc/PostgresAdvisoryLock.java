package dev.meshprov.jdbc;

import dev.meshprov.core.port.ComponentLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The per-component lock shared by every replica using the same PostgreSQL database: a session advisory lock
 * ({@code pg_advisory_lock}) keyed by a 64-bit hash of the component id, held on a connection dedicated to the lease.
 * PostgreSQL queues waiters of a lock in order of arrival. The wait is made in rounds bounded by
 * {@code lock_timeout}, so a waiting thread notices an interrupt (shutdown). When the holder dies, its session ends
 * and PostgreSQL releases the lock.
 */
final class PostgresAdvisoryLock implements ComponentLock {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final TaskDatabase database;
    private final Duration round;

    PostgresAdvisoryLock(TaskDatabase database, Duration round) {
        this.database = database;
        this.round = round;
    }

    static long key(String componentId) {
        return LockKeys.of("meshprov:component:" + componentId);
    }

    @Override
    public Lease acquire(String componentId) throws InterruptedException {
        long key = key(componentId);
        String step = "lock component " + componentId;
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for the component lock");
        }
        Connection connection = database.borrow(step);
        try {
            waitFor(connection, key);
        } catch (SQLException e) {
            database.discard(connection);
            throw database.failure(step, e);
        } catch (InterruptedException | RuntimeException e) {
            database.discard(connection);
            throw e;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release(connection, key);
            }
        };
    }

    private void waitFor(Connection connection, long key) throws SQLException, InterruptedException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = " + round.toMillis());
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for the component lock");
                }
                try {
                    lock.execute();
                    break;
                } catch (SQLException e) {
                    if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET lock_timeout");
        }
    }

    private void release(Connection connection, long key) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
            connection.close();
        } catch (SQLException e) {
            // the session may be gone with its locks; never hand it out again
            database.discard(connection);
        }
    }
}
