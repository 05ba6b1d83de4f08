package dev.meshprov.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.ComponentLock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL, started once for the class by the test itself: the store contract, the advisory component lock shared
 * by replicas, the lease and reaper, and replicas migrating together.
 */
class PostgresTaskBackendTest extends TaskBackendContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static ExecutorService threads;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        threads.shutdownNow();
        postgres.close();
    }

    @Override
    protected String freshDatabaseUrl() {
        String name = "tasks_" + DATABASES.incrementAndGet();
        try {
            Sql.execute(postgres.getJdbcUrl("postgres", "postgres"), "CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    @Test
    void aComponentLockIsExclusiveAcrossReplicas() throws Exception {
        String url = freshDatabaseUrl();
        ComponentLock replicaA = open(settings(url, "a")).componentLock();
        ComponentLock replicaB = open(settings(url, "b")).componentLock();
        ComponentLock.Lease held = replicaA.acquire("urn:x");

        Future<ComponentLock.Lease> waiting = threads.submit(() -> replicaB.acquire("urn:x"));
        awaitWaitingAdvisoryLocks(url, 1);
        assertThat(waiting).isNotDone();
        try (ComponentLock.Lease other = replicaB.acquire("urn:y")) {
            assertThat(other).isNotNull();
        }

        held.close();
        waiting.get(20, TimeUnit.SECONDS).close();
    }

    @Test
    void anInterruptedWaiterGivesUp() throws Exception {
        String url = freshDatabaseUrl();
        ComponentLock replicaA = open(settings(url, "a")).componentLock();
        ComponentLock replicaB = open(settings(url, "b")).componentLock();
        try (ComponentLock.Lease held = replicaA.acquire("urn:x")) {
            CompletableFuture<Thread> waiter = new CompletableFuture<>();
            Future<ComponentLock.Lease> waiting = threads.submit(() -> {
                waiter.complete(Thread.currentThread());
                return replicaB.acquire("urn:x");
            });
            awaitWaitingAdvisoryLocks(url, 1);

            waiter.get().interrupt();

            assertThatThrownBy(() -> waiting.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void theLockOfAStoppedReplicaIsReleasedWithItsConnections() throws Exception {
        String url = freshDatabaseUrl();
        JdbcTaskBackend replicaA = open(settings(url, "a"));
        ComponentLock replicaB = open(settings(url, "b")).componentLock();
        replicaA.componentLock().acquire("urn:x");
        Future<ComponentLock.Lease> waiting = threads.submit(() -> replicaB.acquire("urn:x"));
        awaitWaitingAdvisoryLocks(url, 1);

        replicaA.close();

        waiting.get(20, TimeUnit.SECONDS).close();
    }

    @Test
    void theTasksOfAReplicaWithoutHeartbeatFailOnceItsLeaseExpires() {
        String url = freshDatabaseUrl();
        JdbcTaskBackend replicaA = open(settings(url, "replica-a"));
        JdbcTaskBackend replicaB = open(settings(url, "replica-b"));
        Task running =
                SampleTasks.waiting("running", "replica-a", clock.instant()).running(clock.instant(), List.of());
        replicaA.taskStore().insert(running);
        replicaB.taskStore().insert(SampleTasks.waiting("own", "replica-b", clock.instant()));

        clock.advance(LEASE.minusSeconds(1));
        replicaB.heartbeatNow();
        assertThat(replicaB.taskStore().find("running")).contains(running);

        clock.advance(Duration.ofSeconds(2));
        replicaB.heartbeatNow();

        Task failed = replicaB.taskStore().find("running").orElseThrow();
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.result())
                .isEqualTo("The meshprov instance replica-a running this task stopped before it finished (no"
                        + " heartbeat for 30s); check the upstream system and provision again.");
        assertThat(replicaB.taskStore().find("own"))
                .get()
                .extracting(Task::state)
                .isEqualTo(TaskState.WAITING);
    }

    @Test
    void aReplicaStartingUpFailsTheTasksOfInstancesThatAreGone() {
        String url = freshDatabaseUrl();
        JdbcTaskBackend gone = open(settings(url, "gone"));
        gone.taskStore().insert(SampleTasks.waiting("left-over", "gone", clock.instant()));
        gone.close();
        clock.advance(LEASE.plusSeconds(1));

        JdbcTaskBackend replica = open(settings(url, "new"));

        assertThat(replica.taskStore().find("left-over"))
                .get()
                .extracting(Task::state)
                .isEqualTo(TaskState.FAILED);
    }

    @Test
    void replicasStartingTogetherMigrateOnce() throws Exception {
        String url = freshDatabaseUrl();
        List<Future<JdbcTaskBackend>> starting = List.of(
                threads.submit(() -> open(settings(url, "a"))),
                threads.submit(() -> open(settings(url, "b"))),
                threads.submit(() -> open(settings(url, "c"))));

        for (Future<JdbcTaskBackend> replica : starting) {
            assertThat(replica.get(60, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(Sql.count(url, "SELECT COUNT(*) FROM meshprov_schema_version"))
                .isEqualTo(SchemaMigrator.SCRIPTS.size());
        assertThat(Sql.count(url, "SELECT COUNT(*) FROM meshprov_instance")).isEqualTo(3);
    }

    /** Waits until {@code count} sessions wait for an advisory lock (a wait PostgreSQL itself reports). */
    private static void awaitWaitingAdvisoryLocks(String url, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String query = "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";
        while (Sql.count(url, query) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nobody waits for the advisory lock");
            }
            Thread.sleep(20);
        }
    }
}
