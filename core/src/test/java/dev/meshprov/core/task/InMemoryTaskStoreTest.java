package dev.meshprov.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.TaskStoreFullException;
import dev.meshprov.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryTaskStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private Task task(String token) {
        return Task.waiting(token, TaskKind.PROVISION, "mwaa", "urn:dmb:cmp:a:b:0:c", clock.instant(), "me");
    }

    @Test
    void keepsFinishedTasksForTheRetentionThenForgetsThem() {
        InMemoryTaskStore store = new InMemoryTaskStore(clock, 10, Duration.ofHours(1));
        store.insert(task("t"));
        store.update(task("t").completed(clock.instant(), "done", Optional.empty(), List.of()));

        clock.advance(Duration.ofMinutes(59));
        assertThat(store.find("t")).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.find("t")).isEmpty();
    }

    @Test
    void neverExpiresUnfinishedTasks() {
        InMemoryTaskStore store = new InMemoryTaskStore(clock, 10, Duration.ofMinutes(1));
        store.insert(task("t"));

        clock.advance(Duration.ofDays(3));

        assertThat(store.find("t")).get().extracting(Task::state).isEqualTo(TaskState.WAITING);
    }

    @Test
    void makesRoomByDroppingTheOldestFinishedTasks() {
        InMemoryTaskStore store = new InMemoryTaskStore(clock, 3, Duration.ofDays(1));
        store.insert(task("old"));
        store.update(task("old").completed(clock.instant(), "done", Optional.empty(), List.of()));
        clock.advance(Duration.ofSeconds(1));
        store.insert(task("running-1"));
        store.insert(task("running-2"));

        store.insert(task("new"));

        assertThat(store.find("old")).isEmpty();
        assertThat(store.find("running-1")).isPresent();
        assertThat(store.find("new")).isPresent();
    }

    @Test
    void refusesNewTasksRatherThanDroppingUnfinishedOnes() {
        InMemoryTaskStore store = new InMemoryTaskStore(clock, 2, Duration.ofDays(1));
        store.insert(task("a"));
        store.insert(task("b"));

        assertThatThrownBy(() -> store.insert(task("c")))
                .isInstanceOf(TaskStoreFullException.class)
                .hasMessageContaining("tasks.maxTasks");
        assertThat(store.find("a")).isPresent();
    }
}
