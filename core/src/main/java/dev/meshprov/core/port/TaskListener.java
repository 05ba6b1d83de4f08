package dev.meshprov.core.port;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskState;
import java.util.Optional;

/**
 * Told about the life of every task the {@link dev.meshprov.core.service.Provisioner} runs, sync or async, so the
 * composition root can count tasks by state and carry its logging context (the correlation id) onto the worker
 * thread. Implementations are thread-safe and never throw.
 */
public interface TaskListener {

    /**
     * A task entered {@code task.state()}.
     *
     * @param previous the state it left; empty for a task just created ({@code WAITING})
     * @param task the task as it is now
     */
    void changed(Optional<TaskState> previous, Task task);

    /**
     * Wraps the work that runs {@code task} on a worker thread. Called on the thread that submits the task, so an
     * implementation can capture that thread's context and restore it around {@code work}. By default the work
     * itself.
     */
    default Runnable onWorkerThread(Task task, Runnable work) {
        return work;
    }

    /** A listener that ignores everything. */
    static TaskListener none() {
        return (previous, task) -> {};
    }
}
