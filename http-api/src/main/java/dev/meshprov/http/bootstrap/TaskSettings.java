package dev.meshprov.http.bootstrap;

import dev.meshprov.core.model.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Section {@code tasks}.
 *
 * @param store where tasks are kept: {@code memory} (default)
 * @param maxTasks how many tasks the in-memory store holds at most (default 10000)
 * @param retention how long finished tasks stay pollable (default 24h)
 * @param workers how many operations run at once (default 8)
 * @param shutdownGrace how long running operations may finish on shutdown (default 30s)
 */
public record TaskSettings(
        TaskStoreKind store, Integer maxTasks, Duration retention, Integer workers, Duration shutdownGrace) {

    /** The kinds of task store. */
    public enum TaskStoreKind {
        MEMORY
    }

    public TaskSettings withDefaults() {
        return new TaskSettings(
                store == null ? TaskStoreKind.MEMORY : store,
                maxTasks == null ? 10_000 : maxTasks,
                retention == null ? Duration.ofHours(24) : retention,
                workers == null ? 8 : workers,
                shutdownGrace == null ? Duration.ofSeconds(30) : shutdownGrace);
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
        return problems;
    }
}
