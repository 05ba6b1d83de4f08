package dev.meshprov.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.meshprov.core.secret.Redactor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The connection pool of the task database and the one way the store runs SQL: every {@link SQLException} becomes a
 * {@link TaskStoreException} that names the step, the database (without credentials) and the cause, redacted.
 */
final class TaskDatabase implements AutoCloseable {

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final Redactor redactor;
    private final String description;

    private TaskDatabase(HikariDataSource pool, Dialect dialect, Redactor redactor, String description) {
        this.pool = pool;
        this.dialect = dialect;
        this.redactor = redactor;
        this.description = description;
    }

    /**
     * Opens the pool and checks that the database answers.
     *
     * @throws TaskStoreException when the URL is not supported or the database cannot be reached
     */
    static TaskDatabase open(JdbcTaskSettings settings, Redactor redactor) {
        settings.password().ifPresent(redactor::register);
        JdbcUrls.embeddedPasswords(settings.jdbcUrl()).forEach(redactor::register);
        String description = JdbcUrls.describe(settings.jdbcUrl());
        Dialect dialect = Dialect.of(settings.jdbcUrl())
                .orElseThrow(() -> new TaskStoreException("the task database " + description
                        + " is not supported; use jdbc:postgresql://... or jdbc:h2:file:..."));
        JdbcUrls.Connectable connectable = JdbcUrls.withoutPassword(settings.jdbcUrl(), dialect == Dialect.POSTGRESQL);
        connectable.password().ifPresent(redactor::register);
        HikariConfig config = new HikariConfig();
        config.setPoolName("meshprov-tasks");
        config.setJdbcUrl(connectable.url());
        settings.username().ifPresent(config::setUsername);
        // as the driver would: a password in the URL takes precedence over the configured one
        connectable.password().or(settings::password).ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        try {
            return new TaskDatabase(new HikariDataSource(config), dialect, redactor, description);
        } catch (RuntimeException e) {
            // the pool reports an unreachable database as a PoolInitializationException around the driver's cause
            Throwable cause =
                    e instanceof HikariPool.PoolInitializationException && e.getCause() != null ? e.getCause() : e;
            throw new TaskStoreException("cannot connect to the task database " + description + ": "
                    + describe(cause, redactor) + "; check tasks.jdbcUrl, tasks.username and tasks.password and"
                    + " that the database is reachable");
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} on a pooled connection in auto-commit mode; {@code step} names it in failures. Runs on an
     * interrupted thread too (the interrupt is kept for the caller): the last state of a task interrupted at shutdown
     * must still be recorded.
     */
    <T> T run(String step, Work<T> work) {
        boolean interrupted = Thread.interrupted();
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(step, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code work} in one transaction, rolled back when it fails. */
    <T> T inTransaction(String step, Work<T> work) {
        return run(step, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** A connection held by the caller (for a lock); the caller closes it. */
    Connection borrow(String step) {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw failure(step, e);
        }
    }

    /** Closes a borrowed connection that may be broken or hold session state, so that the pool never reuses it. */
    void discard(Connection connection) {
        try {
            pool.evictConnection(connection);
        } catch (RuntimeException closedPool) {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                // nothing more to release
            }
        }
    }

    TaskStoreException failure(String step, SQLException e) {
        return new TaskStoreException(
                "the task database " + description + " failed to " + step + ": " + describe(e, redactor));
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String describe(Throwable cause, Redactor redactor) {
        String state = cause instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLState " + sql.getSQLState() + ")"
                : "";
        return cause.getClass().getSimpleName() + state + ": " + redactor.redact(String.valueOf(cause.getMessage()));
    }

    boolean isClosed() {
        return pool.isClosed();
    }

    @Override
    public void close() {
        pool.close();
    }
}
