package dev.meshprov.core.task;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.port.TaskStore;
import dev.meshprov.core.port.TaskStoreFullException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tasks in memory: at most {@code maxTasks} at a time; finished tasks are forgotten {@code retention} after they
 * finish, and the oldest finished ones make room when the store is full. When every task is still running the store
 * refuses new ones rather than dropping any. Lost on restart (use the JDBC store where that matters).
 */
public final class InMemoryTaskStore implements TaskStore {

    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxTasks;
    private final Duration retention;

    public InMemoryTaskStore(Clock clock, int maxTasks, Duration retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxTasks <= 0) {
            throw new IllegalArgumentException("maxTasks must be positive");
        }
        this.maxTasks = maxTasks;
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public synchronized void insert(Task task) {
        if (tasks.size() >= maxTasks) {
            makeRoom();
        }
        if (tasks.size() >= maxTasks) {
            throw new TaskStoreFullException(
                    "meshprov holds " + maxTasks + " unfinished tasks already (tasks.maxTasks); retry later");
        }
        if (tasks.putIfAbsent(task.token(), task) != null) {
            throw new IllegalStateException("duplicate task token");
        }
    }

    @Override
    public void update(Task task) {
        tasks.replace(task.token(), task);
    }

    @Override
    public Optional<Task> find(String token) {
        Task task = tasks.get(token);
        if (task != null && expired(task, clock.instant())) {
            tasks.remove(token, task);
            return Optional.empty();
        }
        return Optional.ofNullable(task);
    }

    /** How many tasks are held, expired ones included until the next clean-up. */
    public int size() {
        return tasks.size();
    }

    private void makeRoom() {
        Instant now = clock.instant();
        tasks.values().removeIf(task -> expired(task, now));
        if (tasks.size() < maxTasks) {
            return;
        }
        tasks.values().stream()
                .filter(Task::isFinished)
                .sorted(Comparator.comparing(Task::updatedAt))
                .limit(Math.max(1, maxTasks / 10))
                .forEach(task -> tasks.remove(task.token(), task));
    }

    private boolean expired(Task task, Instant now) {
        return task.isFinished() && task.updatedAt().plus(retention).isBefore(now);
    }
}
