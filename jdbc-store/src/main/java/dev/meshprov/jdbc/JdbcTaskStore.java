package dev.meshprov.jdbc;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.port.TaskStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Tasks in the database, one row each: the task as JSON plus the columns searched by the reaper and the clean-up.
 * A finished task is final: updates only change tasks still waiting or running, so a task failed by the reaper is
 * never turned back by a late write of the instance that lost its lease. Finished tasks older than the retention
 * are not found, and are deleted by {@link TaskReaper}.
 */
final class JdbcTaskStore implements TaskStore {

    static final String UNFINISHED = "('WAITING', 'RUNNING')";

    private static final String UNIQUE_VIOLATION = "23505";

    private final TaskDatabase database;
    private final Clock clock;
    private final Duration retention;

    JdbcTaskStore(TaskDatabase database, Clock clock, Duration retention) {
        this.database = database;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void insert(Task task) {
        String body = TaskJson.write(task);
        database.run("store task " + task.token(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO meshprov_task (token, kind, technology, component_id, state, owner, created_at,"
                            + " updated_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, task.token());
                insert.setString(2, task.kind().name());
                insert.setString(3, task.technology());
                insert.setString(4, task.componentId());
                insert.setString(5, task.state().name());
                insert.setString(6, task.owner());
                TaskDatabase.setInstant(insert, 7, task.createdAt());
                TaskDatabase.setInstant(insert, 8, task.updatedAt());
                insert.setString(9, body);
                return insert.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new IllegalStateException("duplicate task token");
                }
                throw e;
            }
        });
    }

    /** {@inheritDoc} Does nothing when the stored task is already finished (or unknown). */
    @Override
    public void update(Task task) {
        String body = TaskJson.write(task);
        database.run("update task " + task.token(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE meshprov_task SET state = ?, owner = ?, updated_at = ?, body = ? WHERE token = ? AND state IN "
                            + UNFINISHED)) {
                update.setString(1, task.state().name());
                update.setString(2, task.owner());
                TaskDatabase.setInstant(update, 3, task.updatedAt());
                update.setString(4, body);
                update.setString(5, task.token());
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Task> find(String token) {
        String body = database.run("read task " + token, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT body FROM meshprov_task WHERE token = ? AND (state IN "
                            + UNFINISHED + " OR updated_at >= ?)")) {
                select.setString(1, token);
                TaskDatabase.setInstant(select, 2, clock.instant().minus(retention));
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
        return Optional.ofNullable(body).map(TaskJson::read);
    }
}
