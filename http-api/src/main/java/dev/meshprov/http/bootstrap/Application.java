package dev.meshprov.http.bootstrap;

import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.http.metrics.Metrics;
import java.util.Objects;

/**
 * A configured meshprov: its settings, the provisioner wired with every enabled technology, and the process-wide
 * redactor, and the metrics every part reports to. Closing it stops the provisioner gracefully.
 *
 * @param settings the process-wide settings
 * @param provisioner the use cases
 * @param redactor masks every configured secret
 * @param metrics the process's metrics: HTTP requests, tasks, upstream calls
 */
public record Application(MeshprovSettings settings, Provisioner provisioner, Redactor redactor, Metrics metrics)
        implements AutoCloseable {

    public Application {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(provisioner, "provisioner");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void close() {
        provisioner.shutdown(settings.tasks().shutdownGrace());
    }
}
