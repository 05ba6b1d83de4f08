package dev.meshprov.jdbc;

import dev.meshprov.core.model.LogEntry;
import dev.meshprov.core.model.LogLevel;
import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives pollers an answer when an instance stops mid-task: fails the waiting and running tasks of instances whose
 * heartbeat is older than the lease (or, for a single replica starting up, of every other instance), forgets those
 * instances, and deletes finished tasks older than the retention.
 */
final class TaskReaper {

    private final TaskDatabase database;
    private final JdbcTaskStore store;
    private final Clock clock;
    private final String instanceId;
    private final Duration lease;
    private final Duration retention;

    TaskReaper(
            TaskDatabase database,
            JdbcTaskStore store,
            Clock clock,
            String instanceId,
            Duration lease,
            Duration retention) {
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.instanceId = instanceId;
        this.lease = lease;
        this.retention = retention;
    }

    /** One round: fail the tasks of stopped instances, forget those instances, delete expired tasks. */
    void reap() {
        failTasksOfStoppedInstances();
        forgetStoppedInstances();
        deleteExpiredTasks();
    }

    /** Fails the unfinished tasks of instances without a heartbeat within the lease; returns how many. */
    int failTasksOfStoppedInstances() {
        return fail(
                orphans(true),
                owner -> "The meshprov instance " + owner + " running this task stopped before it finished (no"
                        + " heartbeat for " + Durations.describe(lease) + ")");
    }

    /** Fails the unfinished tasks of every other instance (a single replica starting again); returns how many. */
    int failTasksOfEveryOtherInstance() {
        return fail(
                orphans(false),
                owner -> "The meshprov instance " + owner + " running this task stopped before it finished"
                        + " (meshprov was restarted)");
    }

    /** Deletes the rows of instances whose heartbeat is older than the lease. */
    int forgetStoppedInstances() {
        Instant threshold = clock.instant().minus(lease);
        return database.run("forget stopped instances", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM meshprov_instance WHERE heartbeat_at < ? AND instance_id <> ?")) {
                TaskDatabase.setInstant(delete, 1, threshold);
                delete.setString(2, instanceId);
                return delete.executeUpdate();
            }
        });
    }

    /** Deletes the finished tasks older than the retention; returns how many. */
    int deleteExpiredTasks() {
        Instant threshold = clock.instant().minus(retention);
        return database.run("delete expired tasks", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM meshprov_task WHERE state NOT IN "
                    + JdbcTaskStore.UNFINISHED + " AND updated_at < ?")) {
                TaskDatabase.setInstant(delete, 1, threshold);
                return delete.executeUpdate();
            }
        });
    }

    private List<String> orphans(boolean onlyStoppedOwners) {
        String sql = "SELECT t.body FROM meshprov_task t WHERE t.state IN " + JdbcTaskStore.UNFINISHED
                + " AND t.owner <> ?"
                + (onlyStoppedOwners
                        ? " AND NOT EXISTS (SELECT 1 FROM meshprov_instance i WHERE i.instance_id = t.owner"
                                + " AND i.heartbeat_at >= ?)"
                        : "");
        Instant threshold = clock.instant().minus(lease);
        return database.run("find the tasks of stopped instances", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, instanceId);
                if (onlyStoppedOwners) {
                    TaskDatabase.setInstant(select, 2, threshold);
                }
                List<String> bodies = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        bodies.add(rows.getString(1));
                    }
                }
                return bodies;
            }
        });
    }

    private int fail(List<String> bodies, java.util.function.Function<String, String> why) {
        for (String body : bodies) {
            Task task = TaskJson.read(body);
            Instant now = clock.instant();
            String reason = why.apply(task.owner()) + "; check the upstream system and " + retry(task.kind()) + ".";
            List<LogEntry> logs = new ArrayList<>(task.logs());
            logs.add(new LogEntry(now, LogLevel.ERROR, reason, Optional.of("failed")));
            store.update(task.failed(now, reason, logs));
        }
        return bodies.size();
    }

    private static String retry(TaskKind kind) {
        return switch (kind) {
            case PROVISION -> "provision again";
            case UNPROVISION -> "unprovision again";
            case UPDATE_ACL -> "update the access control list again";
            case VALIDATE, REVERSE -> "send the request again";
        };
    }
}
