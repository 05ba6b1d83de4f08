package dev.meshprov.http.bootstrap;

import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.http.metrics.Metrics;
import dev.meshprov.jdbc.JdbcTaskBackend;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A configured meshprov: its settings, the provisioner wired with every enabled technology, the process-wide
 * redactor, the metrics every part reports to and, with {@code tasks.store: jdbc}, the task database. Closing it
 * stops the provisioner gracefully, then the task database's heartbeat and connections.
 *
 * @param settings the process-wide settings
 * @param provisioner the use cases
 * @param redactor masks every configured secret
 * @param metrics the process's metrics: HTTP requests, tasks, upstream calls
 * @param taskDatabase the durable task store, lock and heartbeat, when tasks are kept in a database
 */
public record Application(
        MeshprovSettings settings,
        Provisioner provisioner,
        Redactor redactor,
        Metrics metrics,
        Optional<JdbcTaskBackend> taskDatabase)
        implements AutoCloseable {

    public Application {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(provisioner, "provisioner");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(taskDatabase, "taskDatabase");
    }

    /**
     * Lets running operations finish for up to {@code deadline} and fails what is left (recorded in the task
     * database, so pollers on other replicas get the answer), then stops the heartbeat and closes the connections.
     */
    public void shutdown(Duration deadline) {
        try {
            provisioner.shutdown(deadline);
        } finally {
            taskDatabase.ifPresent(JdbcTaskBackend::close);
        }
    }

    @Override
    public void close() {
        shutdown(settings.tasks().shutdownGrace());
    }
}
