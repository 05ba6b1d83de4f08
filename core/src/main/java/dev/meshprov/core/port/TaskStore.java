package dev.meshprov.core.port;

import dev.meshprov.core.model.Task;
import java.util.Optional;

/**
 * Where tasks live between the request that creates them and the polls that read them. Implementations are
 * thread-safe; the in-memory one is bounded, the JDBC one shares tasks between replicas.
 */
public interface TaskStore {

    /**
     * Stores a new task.
     *
     * @throws TaskStoreFullException when the store cannot take more tasks now
     */
    void insert(Task task);

    /** Replaces the stored task with the same token. */
    void update(Task task);

    /** The task with this token, if known and not expired. */
    Optional<Task> find(String token);
}
