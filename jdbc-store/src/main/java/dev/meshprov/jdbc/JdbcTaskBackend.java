package dev.meshprov.jdbc;

import dev.meshprov.core.port.ComponentLock;
import dev.meshprov.core.port.TaskStore;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.task.InMemoryComponentLock;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Durable tasks for one meshprov instance: the {@link TaskStore} and {@link ComponentLock} to hand to the
 * {@code Provisioner} (built with the same instance id), plus the heartbeat that keeps this instance's lease and
 * reaps the tasks of stopped ones.
 *
 * <p>Opening it connects, migrates the schema, registers the instance and runs the reaper once, so that a poller
 * never waits for a task whose instance is gone: on PostgreSQL (several replicas) the unfinished tasks of instances
 * whose heartbeat is older than the lease are failed, then again on every heartbeat; on H2 (one replica, the file
 * is locked by this process) every unfinished task of an earlier run is failed at once, and the lock stays in the
 * process ({@link InMemoryComponentLock}).
 *
 * <p>Closing it stops the heartbeat and closes the pool; close it after the provisioner has shut down. Closing
 * without that is what a crash looks like to the other replicas: the lease runs out and they fail its tasks.
 */
public final class JdbcTaskBackend implements AutoCloseable {

    private static final Logger LOG = System.getLogger("dev.meshprov.jdbc");
    private static final Duration LOCK_WAIT_ROUND = Duration.ofMillis(500);

    private final TaskDatabase database;
    private final JdbcTaskStore store;
    private final ComponentLock lock;
    private final InstanceRegistry registry;
    private final TaskReaper reaper;
    private final ScheduledExecutorService heartbeat;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcTaskBackend(TaskDatabase database, JdbcTaskSettings settings, Clock clock) {
        this.database = database;
        this.store = new JdbcTaskStore(database, clock, settings.retention());
        this.lock = database.dialect().sharedAcrossReplicas()
                ? new PostgresAdvisoryLock(database, LOCK_WAIT_ROUND)
                : new InMemoryComponentLock();
        this.registry = new InstanceRegistry(database, clock, settings.instanceId());
        this.reaper =
                new TaskReaper(database, store, clock, settings.instanceId(), settings.lease(), settings.retention());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "meshprov-task-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects, migrates, registers this instance, fails the tasks left by stopped instances and starts the
     * heartbeat.
     *
     * @throws TaskStoreException when the database cannot be reached or migrated
     */
    public static JdbcTaskBackend open(JdbcTaskSettings settings, Clock clock, Redactor redactor) {
        Objects.requireNonNull(settings, "settings");
        TaskDatabase database = TaskDatabase.open(settings, redactor);
        try {
            new SchemaMigrator(database, clock).migrate();
            JdbcTaskBackend backend = new JdbcTaskBackend(database, settings, clock);
            backend.start(settings.heartbeat());
            return backend;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void start(Duration every) {
        registry.heartbeat();
        if (database.dialect().sharedAcrossReplicas()) {
            reaper.reap();
        } else {
            reaper.failTasksOfEveryOtherInstance();
            reaper.forgetStoppedInstances();
            reaper.deleteExpiredTasks();
        }
        long millis = every.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            registry.heartbeat();
            reaper.reap();
        } catch (RuntimeException e) {
            if (!closed.get()) {
                LOG.log(Logger.Level.WARNING, "task heartbeat failed, retrying at the next one: " + e.getMessage());
            }
        }
    }

    /** Runs one heartbeat round now: refresh the lease, reap, clean up (the scheduler does it every heartbeat). */
    void heartbeatNow() {
        registry.heartbeat();
        reaper.reap();
    }

    /** Where tasks are kept. */
    public TaskStore taskStore() {
        return store;
    }

    /** The per-component lock: shared by replicas on PostgreSQL, in this process on H2. */
    public ComponentLock componentLock() {
        return lock;
    }

    /** Stops the heartbeat and closes the connections. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
