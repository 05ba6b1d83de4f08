package dev.meshprov.core.service;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.TaskListener;
import dev.meshprov.core.port.TaskStore;
import dev.meshprov.core.port.TaskStoreFullException;
import dev.meshprov.core.secret.Redactor;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs tasks on the worker pool and keeps their state: stores a persisted task before it runs, records its progress
 * and its end exactly once, tells the {@link TaskListener} about every change of state, lets a sync caller wait for
 * the end, and at shutdown fails what is still running so that pollers get an answer. Knows nothing of what a task
 * does: that is the {@link Work} it is given.
 */
final class TaskRunner {

    private static final Logger LOG = System.getLogger("dev.meshprov.provisioner");
    static final String STOPPED = "meshprov stopped before this operation finished; run it again";

    /** The task as its work sees it while it runs. */
    interface Progress {
        /** The task as last recorded. */
        Task current();

        /** Records the task's progress (stored when persisted); nothing changes it any more once it has ended. */
        void save(Task task);
    }

    /** What a task does; answers the task as it ended (completed or failed). */
    @FunctionalInterface
    interface Work {
        Task run(Progress progress);
    }

    private final TaskStore tasks;
    private final KeyedSerialExecutor executor;
    private final TaskListener listener;
    private final Clock clock;
    private final Redactor redactor;
    private final String instanceId;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    TaskRunner(
            TaskStore tasks,
            KeyedSerialExecutor executor,
            TaskListener listener,
            Clock clock,
            Redactor redactor,
            String instanceId) {
        this.tasks = tasks;
        this.executor = executor;
        this.listener = listener;
        this.clock = clock;
        this.redactor = redactor;
        this.instanceId = instanceId;
    }

    /** A new task of this process, waiting, with a fresh token. */
    Task newTask(TaskKind kind, String technology, String componentId) {
        return Task.waiting(UUID.randomUUID().toString(), kind, technology, componentId, clock.instant(), instanceId);
    }

    /**
     * Stores {@code task} and runs {@code work} on the pool in no particular order with other tasks, marking the task
     * running first; answers its token to poll.
     */
    <R> Submission<R> startUnordered(Task task, Supplier<Task> work) {
        return submit(
                task,
                Optional.empty(),
                true,
                progress -> {
                    progress.save(task.running(clock.instant(), List.of()));
                    return work.get();
                },
                end -> {
                    throw new IllegalStateException("a persisted task is not waited for");
                });
    }

    /**
     * Starts {@code task}. A persisted task is stored first and answered with its token to poll; an unpersisted one
     * is waited for and answered with {@code value} of its end. With a {@code key}, the task runs after every earlier
     * one with the same key.
     */
    <R> Submission<R> submit(Task task, Optional<String> key, boolean persisted, Work work, Function<Task, R> value) {
        if (persisted) {
            try {
                tasks.insert(task);
            } catch (RuntimeException e) {
                return storeFailure(e);
            }
        }
        Pending entry = new Pending(new AtomicReference<>(task), new CompletableFuture<>(), persisted);
        pending.put(task.token(), entry);
        announce(Optional.empty(), task);
        Runnable job = listener.onWorkerThread(task, () -> finish(entry, runSafely(entry, work)));
        try {
            if (key.isPresent()) {
                executor.execute(key.get(), job);
            } else {
                executor.execute(job);
            }
        } catch (RejectedExecutionException e) {
            finish(
                    entry,
                    task.failed(clock.instant(), "meshprov is shutting down; retry on another replica", List.of()));
            return new Submission.SystemFailure<>("meshprov is shutting down; retry later", List.of());
        }
        return persisted ? new Submission.Accepted<>(task.token()) : new Submission.Done<>(value.apply(await(entry)));
    }

    /** The stored task with {@code token} when it is of a {@code kind}; empty for an unknown token. */
    Optional<Task> find(String token, Predicate<TaskKind> kind) {
        return tasks.find(token).filter(task -> kind.test(task.kind()));
    }

    /**
     * Stops taking work, lets running tasks finish for up to {@code deadline}, then fails what is left.
     */
    void shutdown(Duration deadline) {
        try {
            executor.shutdown(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending left : List.copyOf(pending.values())) {
            Task current = left.current();
            finish(left, current.failed(clock.instant(), STOPPED, current.logs()));
        }
    }

    private Task runSafely(Pending entry, Work work) {
        try {
            return work.run(entry);
        } catch (RuntimeException e) {
            Task task = entry.current();
            LOG.log(Logger.Level.ERROR, "internal error in task " + task.token(), e);
            return task.failed(
                    clock.instant(),
                    "Internal error in meshprov (" + e.getClass().getSimpleName()
                            + "); the server log has the details of task " + task.token(),
                    task.logs());
        }
    }

    private void save(Pending entry, Task task) {
        synchronized (entry) {
            if (entry.done.isDone()) {
                return;
            }
            Task previous = entry.latest.getAndSet(task);
            if (entry.persisted) {
                tasks.update(task);
            }
            if (previous.state() != task.state()) {
                announce(Optional.of(previous.state()), task);
            }
        }
    }

    private void announce(Optional<TaskState> previous, Task task) {
        try {
            listener.changed(previous, task);
        } catch (RuntimeException e) {
            LOG.log(Logger.Level.WARNING, "the task listener failed on task " + task.token(), e);
        }
    }

    /**
     * Records the final state of a task once: the first of the worker and {@link #shutdown} wins, and the loser waits
     * until the winner has saved it, so that no caller sees the task running after shutdown returned.
     */
    private void finish(Pending entry, Task task) {
        synchronized (entry) {
            if (entry.done.isDone()) {
                return;
            }
            save(entry, task);
            entry.done.complete(task);
        }
        pending.remove(task.token());
    }

    private Task await(Pending entry) {
        try {
            return entry.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Task current = entry.current();
            return current.failed(clock.instant(), "interrupted while waiting for the operation", current.logs());
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task future never fails", e);
        }
    }

    /** The task could not be stored: full, or the store is unreachable. Nothing ran; the caller may retry. */
    private <R> Submission<R> storeFailure(RuntimeException e) {
        if (e instanceof TaskStoreFullException) {
            return new Submission.SystemFailure<>(e.getMessage(), List.of());
        }
        LOG.log(Logger.Level.ERROR, "the task store failed to accept a task", e);
        return new Submission.SystemFailure<>(
                "meshprov could not record the task (" + redactor.redact(String.valueOf(e.getMessage()))
                        + "); nothing was started, retry later",
                List.of());
    }

    /** A task that has not ended yet. */
    private final class Pending implements Progress {
        private final AtomicReference<Task> latest;
        private final CompletableFuture<Task> done;
        private final boolean persisted;

        private Pending(AtomicReference<Task> latest, CompletableFuture<Task> done, boolean persisted) {
            this.latest = latest;
            this.done = done;
            this.persisted = persisted;
        }

        @Override
        public Task current() {
            return latest.get();
        }

        @Override
        public void save(Task task) {
            TaskRunner.this.save(this, task);
        }
    }
}
