package dev.meshprov.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.TaskStore;
import dev.meshprov.core.secret.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link JdbcTaskBackend} must do, run against H2 and PostgreSQL. Each test gets an
 * empty database from {@link #freshDatabaseUrl()}.
 */
abstract class TaskBackendContract {

    protected static final Duration RETENTION = Duration.ofHours(1);
    protected static final Duration LEASE = Duration.ofSeconds(30);

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final List<JdbcTaskBackend> opened = new ArrayList<>();

    /** A JDBC URL of a database nobody used yet. */
    protected abstract String freshDatabaseUrl();

    protected JdbcTaskSettings settings(String url, String instanceId) {
        return new JdbcTaskSettings(
                url, Optional.empty(), Optional.empty(), 4, Duration.ofHours(1), LEASE, RETENTION, instanceId);
    }

    protected JdbcTaskBackend open(JdbcTaskSettings settings) {
        JdbcTaskBackend backend = JdbcTaskBackend.open(settings, clock, new Redactor());
        opened.add(backend);
        return backend;
    }

    @AfterEach
    void closeBackends() {
        opened.forEach(JdbcTaskBackend::close);
    }

    @Test
    void keepsEveryFieldOfATask() {
        TaskStore store = open(settings(freshDatabaseUrl(), "me")).taskStore();
        Task completed = SampleTasks.completedWithEverything("t-1", "me", clock.instant());
        Task validated = SampleTasks.validatedWithProblems("t-2", "me", clock.instant());

        store.insert(completed);
        store.insert(validated);

        assertThat(store.find("t-1")).contains(completed);
        assertThat(store.find("t-2")).contains(validated);
    }

    @Test
    void updatesReplaceTheStoredTask() {
        TaskStore store = open(settings(freshDatabaseUrl(), "me")).taskStore();
        Task waiting = SampleTasks.waiting("t", "me", clock.instant());
        store.insert(waiting);

        Task running = waiting.running(clock.instant().plusSeconds(1), List.of());
        store.update(running);

        assertThat(store.find("t")).contains(running);
    }

    @Test
    void aFinishedTaskIsFinal() {
        TaskStore store = open(settings(freshDatabaseUrl(), "me")).taskStore();
        Task waiting = SampleTasks.waiting("t", "me", clock.instant());
        store.insert(waiting);
        Task failed = waiting.failed(clock.instant(), "the instance stopped", List.of());
        store.update(failed);

        store.update(waiting.completed(clock.instant(), "late success", Optional.empty(), List.of()));

        assertThat(store.find("t")).contains(failed);
    }

    @Test
    void refusesADuplicateToken() {
        TaskStore store = open(settings(freshDatabaseUrl(), "me")).taskStore();
        store.insert(SampleTasks.waiting("t", "me", clock.instant()));

        assertThatThrownBy(() -> store.insert(SampleTasks.waiting("t", "me", clock.instant())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate");
    }

    @Test
    void anUnknownTokenIsNotFound() {
        TaskStore store = open(settings(freshDatabaseUrl(), "me")).taskStore();

        assertThat(store.find("nobody-has-this")).isEmpty();
    }

    @Test
    void finishedTasksExpireAfterTheRetentionAndAreDeleted() throws Exception {
        String url = freshDatabaseUrl();
        JdbcTaskBackend backend = open(settings(url, "me"));
        TaskStore store = backend.taskStore();
        store.insert(SampleTasks.completedWithEverything("done", "me", clock.instant()));
        store.insert(SampleTasks.waiting("unfinished", "me", clock.instant()));

        clock.advance(RETENTION.minusMinutes(1));
        assertThat(store.find("done")).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.find("done")).isEmpty();

        backend.heartbeatNow();
        assertThat(Sql.count(url, "SELECT COUNT(*) FROM meshprov_task")).isEqualTo(1);
        assertThat(store.find("unfinished")).get().extracting(Task::state).isEqualTo(TaskState.WAITING);
    }

    @Test
    void migratingAgainChangesNothing() {
        String url = freshDatabaseUrl();
        JdbcTaskBackend first = open(settings(url, "me"));
        first.taskStore().insert(SampleTasks.waiting("t", "me", clock.instant()));
        try (TaskDatabase database = TaskDatabase.open(settings(url, "other"), new Redactor())) {
            SchemaMigrator migrator = new SchemaMigrator(database, clock);

            assertThat(migrator.migrate()).isZero();
            assertThat(migrator.migrate()).isZero();
            assertThat(migrator.currentVersion()).isEqualTo(SchemaMigrator.latestVersion());
        }
        assertThat(first.taskStore().find("t")).isPresent();
    }

    @Test
    void failuresAfterCloseAreClearAndCarryNoPassword() {
        JdbcTaskBackend backend = open(settings(freshDatabaseUrl(), "me"));
        backend.close();

        assertThatThrownBy(() -> backend.taskStore().find("t"))
                .isInstanceOf(TaskStoreException.class)
                .hasMessageContaining("the task database")
                .hasMessageContaining("failed to read task t");
    }
}
