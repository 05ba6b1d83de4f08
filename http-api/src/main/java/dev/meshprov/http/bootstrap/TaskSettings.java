package dev.meshprov.http.bootstrap;

import dev.meshprov.core.model.Problem;
import dev.meshprov.jdbc.JdbcTaskSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Section {@code tasks}.
 *
 * @param store where tasks are kept: {@code memory} (default; lost on restart) or {@code jdbc} (a database shared by
 *     replicas, or an embedded file database for one replica)
 * @param maxTasks how many tasks the in-memory store holds at most (default 10000)
 * @param retention how long finished tasks stay pollable (default 24h)
 * @param workers how many operations run at once (default 8)
 * @param shutdownGrace how long running operations may finish on shutdown (default 30s)
 * @param jdbcUrl the task database, {@code jdbc:postgresql://...} or {@code jdbc:h2:file:...} (jdbc store only)
 * @param username the database user (jdbc store only)
 * @param password the database password (jdbc store only; a secret)
 * @param poolSize the most database connections (default workers + 4; each running operation holds one for its
 *     component lock on PostgreSQL)
 * @param heartbeat how often an instance renews its lease and reaps the tasks of stopped ones (default 5s)
 * @param lease how long an instance may miss heartbeats before its unfinished tasks are failed (default 30s)
 */
public record TaskSettings(
        TaskStoreKind store,
        Integer maxTasks,
        Duration retention,
        Integer workers,
        Duration shutdownGrace,
        String jdbcUrl,
        String username,
        String password,
        Integer poolSize,
        Duration heartbeat,
        Duration lease) {

    /** The kinds of task store. */
    public enum TaskStoreKind {
        MEMORY,
        JDBC
    }

    public TaskSettings withDefaults() {
        int workerCount = workers == null ? 8 : workers;
        return new TaskSettings(
                store == null ? TaskStoreKind.MEMORY : store,
                maxTasks == null ? 10_000 : maxTasks,
                retention == null ? Duration.ofHours(24) : retention,
                workerCount,
                shutdownGrace == null ? Duration.ofSeconds(30) : shutdownGrace,
                blankToNull(jdbcUrl),
                blankToNull(username),
                blankToNull(password),
                poolSize == null ? workerCount + 4 : poolSize,
                heartbeat == null ? Duration.ofSeconds(5) : heartbeat,
                lease == null ? Duration.ofSeconds(30) : lease);
    }

    /** The settings of the JDBC store for an instance. */
    public JdbcTaskSettings jdbc(String instanceId) {
        return new JdbcTaskSettings(
                jdbcUrl,
                Optional.ofNullable(username),
                Optional.ofNullable(password),
                poolSize,
                heartbeat,
                lease,
                retention,
                instanceId);
    }

    List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (maxTasks < 1) {
            problems.add(Problem.of("tasks.maxTasks", "is " + maxTasks, "Use a positive number, e.g. 10000."));
        }
        if (workers < 1 || workers > 512) {
            problems.add(Problem.of("tasks.workers", "is " + workers, "Use a number from 1 to 512, e.g. 8."));
        }
        if (retention.isNegative() || retention.isZero()) {
            problems.add(Problem.of("tasks.retention", "must be positive", "Use a duration such as 24h."));
        }
        if (shutdownGrace.isNegative()) {
            problems.add(Problem.of("tasks.shutdownGrace", "must not be negative", "Use a duration such as 30s."));
        }
        if (store == TaskStoreKind.JDBC) {
            checkJdbc(problems);
        } else if (jdbcUrl != null) {
            problems.add(Problem.of(
                    "tasks.jdbcUrl",
                    "is set but tasks.store is memory, so no database is used",
                    "Set tasks.store: jdbc to keep tasks in that database, or remove tasks.jdbcUrl."));
        }
        return problems;
    }

    private void checkJdbc(List<Problem> problems) {
        if (jdbcUrl == null) {
            problems.add(Problem.of(
                    "tasks.jdbcUrl",
                    "is required when tasks.store is jdbc",
                    "Set tasks.jdbcUrl to jdbc:postgresql://HOST:5432/DATABASE (several replicas) or"
                            + " jdbc:h2:file:/var/lib/meshprov/tasks (a single replica)."));
        } else if (!JdbcTaskSettings.supports(jdbcUrl)) {
            problems.add(Problem.of(
                    "tasks.jdbcUrl",
                    "uses an unsupported database (" + scheme(jdbcUrl) + ")",
                    "Use PostgreSQL (jdbc:postgresql://HOST:5432/DATABASE) or an H2 file"
                            + " (jdbc:h2:file:/var/lib/meshprov/tasks)."));
        }
        int needed = jdbcUrl != null && JdbcTaskSettings.sharedAcrossReplicas(jdbcUrl) ? workers + 2 : 2;
        if (poolSize < needed) {
            problems.add(Problem.of(
                    "tasks.poolSize",
                    "is " + poolSize + ", too few connections for " + workers + " workers (each running operation"
                            + " holds one for its component lock, and tasks are saved on others)",
                    "Use at least " + needed + ", or leave tasks.poolSize out (default: tasks.workers + 4)."));
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            problems.add(Problem.of("tasks.heartbeat", "must be positive", "Use a duration such as 5s."));
        } else if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            problems.add(Problem.of(
                    "tasks.lease",
                    "is shorter than two heartbeats (tasks.heartbeat is " + heartbeat.toMillis() + "ms), so a"
                            + " live instance could lose its tasks",
                    "Use a lease of several heartbeats, e.g. tasks.heartbeat: 5s and tasks.lease: 30s."));
        }
    }

    private static String scheme(String url) {
        String[] parts = url.split(":", 3);
        return parts.length >= 2 ? parts[0] + ":" + parts[1] : "not a JDBC URL";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Like the record's, with the password masked. */
    @Override
    public String toString() {
        return "TaskSettings[store=" + (store == null ? null : store.name().toLowerCase(Locale.ROOT)) + ", maxTasks="
                + maxTasks + ", retention=" + retention + ", workers=" + workers + ", shutdownGrace=" + shutdownGrace
                + ", jdbcUrl=" + (jdbcUrl == null ? null : scheme(jdbcUrl) + ":...") + ", username=" + username
                + ", password=" + (password == null ? null : "***") + ", poolSize=" + poolSize + ", heartbeat="
                + heartbeat + ", lease=" + lease + "]";
    }
}
