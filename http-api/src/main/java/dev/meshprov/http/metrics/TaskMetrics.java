package dev.meshprov.http.metrics;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.TaskListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts tasks entering each state, and keeps the number of tasks waiting or running per technology. */
final class TaskMetrics implements TaskListener {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> active = new ConcurrentHashMap<>();

    TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void changed(Optional<TaskState> previous, Task task) {
        String technology = task.technology().isEmpty() ? "none" : task.technology();
        Counter.builder("meshprov.tasks")
                .description("Tasks entering a state")
                .tag("state", label(task.state()))
                .tag("technology", technology)
                .tag("kind", task.kind().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        previous.filter(state -> !state.isFinished())
                .ifPresent(state -> active(state, technology).decrementAndGet());
        if (!task.state().isFinished()) {
            active(task.state(), technology).incrementAndGet();
        }
    }

    private AtomicLong active(TaskState state, String technology) {
        return active.computeIfAbsent(label(state) + "|" + technology, key -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("meshprov.tasks.active", count, AtomicLong::get)
                    .description("Tasks waiting or running now")
                    .tag("state", label(state))
                    .tag("technology", technology)
                    .register(registry);
            return count;
        });
    }

    private static String label(TaskState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
