package dev.meshprov.http.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.TaskListener;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The task gauges follow the transitions: a task counts as waiting, then running, then no longer. */
class TaskMetricsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Metrics metrics = Metrics.create();
    private final TaskListener listener = metrics.taskListener();

    @Test
    void activeTasksFollowTheirTransitions() {
        Task waiting = Task.waiting("t1", TaskKind.PROVISION, "alpha", "c1", NOW, "instance");
        Task running = waiting.running(NOW, List.of());

        listener.changed(Optional.empty(), waiting);
        assertThat(active("waiting", "alpha")).isEqualTo(1.0);

        listener.changed(Optional.of(TaskState.WAITING), running);
        assertThat(active("waiting", "alpha")).isZero();
        assertThat(active("running", "alpha")).isEqualTo(1.0);

        listener.changed(Optional.of(TaskState.RUNNING), running.failed(NOW, "broken", List.of()));
        assertThat(active("running", "alpha")).isZero();
        assertThat(metrics.registry()
                        .get("meshprov.tasks")
                        .tags("state", "failed", "technology", "alpha", "kind", "provision")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aTaskWithoutATechnologyIsLabelledNone() {
        listener.changed(Optional.empty(), Task.waiting("t2", TaskKind.VALIDATE, "", "", NOW, "instance"));

        assertThat(active("waiting", "none")).isEqualTo(1.0);
    }

    private double active(String state, String technology) {
        return metrics.registry()
                .get("meshprov.tasks.active")
                .tags("state", state, "technology", technology)
                .gauge()
                .value();
    }
}
