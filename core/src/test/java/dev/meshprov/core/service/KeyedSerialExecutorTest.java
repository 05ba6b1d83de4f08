package dev.meshprov.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedSerialExecutorTest {

    private final KeyedSerialExecutor executor = new KeyedSerialExecutor(4, "test");

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdown(1000);
    }

    @Test
    void runsTasksOfOneKeyInSubmissionOrderWithoutOverlap() throws InterruptedException {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(50);
        for (int i = 0; i < 50; i++) {
            int n = i;
            executor.execute("k", () -> {
                events.add("start " + n);
                events.add("end " + n);
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 50; i++) {
            assertThat(events.get(2 * i)).isEqualTo("start " + i);
            assertThat(events.get(2 * i + 1)).isEqualTo("end " + i);
        }
    }

    @Test
    void runsDifferentKeysAtTheSameTime() throws InterruptedException {
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(2);
        for (String key : List.of("a", "b")) {
            executor.execute(key, () -> {
                bothRunning.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.countDown();
            });
        }

        assertThat(bothRunning.await(10, TimeUnit.SECONDS))
                .as("both keys run at once")
                .isTrue();
        release.countDown();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailingTaskDoesNotStopTheNextOne() throws InterruptedException {
        CountDownLatch next = new CountDownLatch(1);
        executor.execute("k", () -> {
            throw new IllegalStateException("boom");
        });
        executor.execute("k", next::countDown);

        assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
