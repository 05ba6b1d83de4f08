package dev.meshprov.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.TaskListener;
import dev.meshprov.core.port.TaskStore;
import dev.meshprov.core.port.TaskStoreFullException;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.task.InMemoryTaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The task machinery on its own: storing, running, announcing, ending once, waiting and shutting down. */
class TaskRunnerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final List<String> told = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Task> ended = new CompletableFuture<>();
    private final TaskListener listener = (previous, task) -> {
        told.add(previous.map(TaskState::name).orElse("-") + ">" + task.state());
        if (task.isFinished()) {
            ended.complete(task);
        }
    };
    private final InMemoryTaskStore store = new InMemoryTaskStore(CLOCK, 10, Duration.ofHours(1));
    private TaskRunner runner = runner(store);

    @AfterEach
    void stop() {
        runner.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void aPersistedTaskIsStoredAnsweredWithItsTokenAndRunsToItsEnd() throws Exception {
        Task task = runner.newTask(TaskKind.PROVISION, "airbyte", "c1");

        Submission<String> submitted = runner.submit(task, Optional.of("c1"), true, completes(), Task::result);

        assertThat(submitted).isEqualTo(new Submission.Accepted<String>(task.token()));
        assertThat(ended.get(10, TimeUnit.SECONDS).state()).isEqualTo(TaskState.COMPLETED);
        assertThat(runner.find(task.token(), TaskKind.PROVISION::equals))
                .get()
                .extracting(Task::state, Task::result)
                .containsExactly(TaskState.COMPLETED, "done");
        assertThat(runner.find(task.token(), TaskKind.REVERSE::equals)).isEmpty();
    }

    @Test
    void anUnpersistedTaskIsWaitedForAndNeverStored() {
        Task task = runner.newTask(TaskKind.PROVISION, "airbyte", "c1");

        Submission<String> submitted = runner.submit(task, Optional.of("c1"), false, completes(), Task::result);

        assertThat(submitted).isEqualTo(new Submission.Done<>("done"));
        assertThat(store.find(task.token())).isEmpty();
    }

    @Test
    void theListenerIsToldEachChangeOfStateOnceInOrderAndMayFail() throws Exception {
        TaskListener failing = (previous, task) -> {
            listener.changed(previous, task);
            throw new IllegalStateException("listener bug");
        };
        use(new TaskRunner(store, executor(), failing, CLOCK, new Redactor(), "me"));
        Task task = runner.newTask(TaskKind.VALIDATE, "", "");

        runner.startUnordered(task, () -> task.failed(CLOCK.instant(), "no", List.of()));

        assertThat(ended.get(10, TimeUnit.SECONDS).result()).isEqualTo("no");
        assertThat(told).containsExactly("->WAITING", "WAITING>RUNNING", "RUNNING>FAILED");
    }

    @Test
    void aTaskTheStoreCannotTakeNeverRunsAndTheAnswerSaysWhyWithoutTheSecret() {
        Redactor redactor = new Redactor();
        redactor.register("s3cr3t-password");
        AtomicBoolean ran = new AtomicBoolean();
        TaskRunner.Work work = progress -> {
            ran.set(true);
            return progress.current();
        };
        TaskStore broken = failingStore(new IllegalStateException("login s3cr3t-password refused"));
        use(new TaskRunner(broken, executor(), listener, CLOCK, redactor, "me"));

        Submission<String> unreachable = runner.submit(task(), Optional.empty(), true, work, Task::result);
        use(runner(failingStore(new TaskStoreFullException("full; retry later"))));
        Submission<String> full = runner.submit(task(), Optional.empty(), true, work, Task::result);

        assertThat(((Submission.SystemFailure<String>) unreachable).message())
                .contains("could not record the task", "nothing was started")
                .doesNotContain("s3cr3t-password");
        assertThat(full).isEqualTo(new Submission.SystemFailure<String>("full; retry later", List.of()));
        assertThat(ran).isFalse();
        assertThat(told).isEmpty();
    }

    @Test
    void workThatThrowsEndsTheTaskFailedWithAnInternalError() throws Exception {
        Task task = task();

        runner.submit(
                task,
                Optional.empty(),
                true,
                progress -> {
                    throw new IllegalStateException("bug");
                },
                Task::result);

        assertThat(ended.get(10, TimeUnit.SECONDS).result())
                .isEqualTo("Internal error in meshprov (IllegalStateException); the server log has the details of task "
                        + task.token());
    }

    @Test
    void shutdownFailsWhatIsStillRunningAfterItsDeadlineAndTheLateEndChangesNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Task task = task();
        runner.submit(
                task,
                Optional.of("c1"),
                true,
                progress -> {
                    progress.save(progress.current().running(CLOCK.instant(), List.of()));
                    started.countDown();
                    awaitIgnoringInterrupts(release);
                    progress.save(progress.current().running(CLOCK.instant(), List.of()));
                    return progress.current().completed(CLOCK.instant(), "late", Optional.empty(), List.of());
                },
                Task::result);
        started.await();

        runner.shutdown(Duration.ofMillis(50));
        release.countDown();

        assertThat(ended.get(10, TimeUnit.SECONDS).result()).isEqualTo(TaskRunner.STOPPED);
        assertThat(store.find(task.token()).orElseThrow().result()).isEqualTo(TaskRunner.STOPPED);
        assertThat(told).containsExactly("->WAITING", "WAITING>RUNNING", "RUNNING>FAILED");
    }

    @Test
    void aTaskSubmittedAfterShutdownIsRefusedAndItsStoredCopyFailed() {
        runner.shutdown(Duration.ofSeconds(1));
        Task task = task();

        Submission<String> late = runner.submit(task, Optional.empty(), true, completes(), Task::result);

        assertThat(((Submission.SystemFailure<String>) late).message()).contains("shutting down");
        assertThat(store.find(task.token()).orElseThrow().state()).isEqualTo(TaskState.FAILED);
    }

    private void use(TaskRunner other) {
        runner.shutdown(Duration.ZERO);
        runner = other;
    }

    private Task task() {
        return runner.newTask(TaskKind.PROVISION, "airbyte", "c1");
    }

    private static TaskRunner.Work completes() {
        return progress -> {
            progress.save(progress.current().running(CLOCK.instant(), List.of()));
            return progress.current().completed(CLOCK.instant(), "done", Optional.empty(), List.of());
        };
    }

    private TaskRunner runner(TaskStore tasks) {
        return new TaskRunner(tasks, executor(), listener, CLOCK, new Redactor(), "me");
    }

    private static KeyedSerialExecutor executor() {
        return new KeyedSerialExecutor(2, "test-task");
    }

    private static TaskStore failingStore(RuntimeException failure) {
        return new TaskStore() {
            @Override
            public void insert(Task task) {
                throw failure;
            }

            @Override
            public void update(Task task) {
                throw failure;
            }

            @Override
            public Optional<Task> find(String token) {
                return Optional.empty();
            }
        };
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
