package dev.meshprov.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.TaskStore;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.task.InMemoryComponentLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 file database: the store contract, and surviving a restart of the single replica. */
class H2TaskBackendTest extends TaskBackendContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path directory;

    @Override
    protected String freshDatabaseUrl() {
        return "jdbc:h2:file:" + directory.resolve("tasks-" + DATABASES.incrementAndGet()) + ";DB_CLOSE_DELAY=0";
    }

    @Test
    void tasksSurviveARestartAndTheUnfinishedOnesOfThePreviousRunFail() {
        String url = freshDatabaseUrl();
        JdbcTaskBackend before = open(settings(url, "first-run"));
        Task completed = SampleTasks.completedWithEverything("completed", "first-run", clock.instant());
        Task waiting = SampleTasks.waiting("waiting", "first-run", clock.instant());
        Task running = SampleTasks.waiting("running", "first-run", clock.instant())
                .running(clock.instant(), java.util.List.of());
        before.taskStore().insert(completed);
        before.taskStore().insert(waiting);
        before.taskStore().insert(running);
        before.close();

        clock.advance(Duration.ofSeconds(5));
        TaskStore after = open(settings(url, "second-run")).taskStore();

        assertThat(after.find("completed")).contains(completed);
        for (String token : java.util.List.of("waiting", "running")) {
            Task failed = after.find(token).orElseThrow();
            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.result())
                    .isEqualTo("The meshprov instance first-run running this task stopped before it finished"
                            + " (meshprov was restarted); check the upstream system and provision again.");
            assertThat(failed.logs()).last().satisfies(log -> assertThat(log.message())
                    .isEqualTo(failed.result()));
        }
    }

    @Test
    void keepsTheComponentLockInTheProcess() {
        JdbcTaskBackend backend = open(settings(freshDatabaseUrl(), "me"));

        assertThat(backend.componentLock()).isInstanceOf(InMemoryComponentLock.class);
    }

    @Test
    void anUnreachableDatabaseIsReportedWithoutThePassword() {
        JdbcTaskSettings settings = new JdbcTaskSettings(
                "jdbc:h2:file:" + directory.resolve("missing") + ";IFEXISTS=TRUE;PASSWORD=url-canary-Qx7",
                Optional.of("sa"),
                Optional.of("pw-canary-K3v9"),
                2,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                "me");

        assertThatThrownBy(() -> JdbcTaskBackend.open(settings, clock, new Redactor()))
                .isInstanceOf(TaskStoreException.class)
                .hasMessageStartingWith("cannot connect to the task database jdbc:h2:file:")
                .hasMessageNotContaining("pw-canary-K3v9")
                .hasMessageNotContaining("url-canary-Qx7");
        assertThat(settings.toString()).doesNotContain("pw-canary-K3v9").doesNotContain("url-canary-Qx7");
    }
}
