package dev.meshprov.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.port.ComponentLock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryComponentLockTest {

    private final InMemoryComponentLock locks = new InMemoryComponentLock();

    @Test
    void waitersAreServedInOrderOfArrival() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        ComponentLock.Lease held = locks.acquire("c");
        List<Thread> waiters = new java.util.ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            CountDownLatch queued = new CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                try {
                    queued.countDown();
                    try (ComponentLock.Lease lease = locks.acquire("c")) {
                        order.add(name);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.start();
            assertThat(queued.await(5, TimeUnit.SECONDS)).isTrue();
            awaitWaiting(waiter);
            waiters.add(waiter);
        }

        held.close();
        for (Thread waiter : waiters) {
            waiter.join(5000);
        }

        assertThat(order).containsExactly("first", "second", "third");
        assertThat(locks.activeLocks()).isZero();
    }

    @Test
    void differentComponentsDoNotBlockEachOther() throws Exception {
        try (ComponentLock.Lease a = locks.acquire("a");
                ComponentLock.Lease b = locks.acquire("b")) {
            assertThat(locks.activeLocks()).isEqualTo(2);
        }
        assertThat(locks.activeLocks()).isZero();
    }

    @Test
    void closingALeaseTwiceReleasesOnce() throws Exception {
        ComponentLock.Lease lease = locks.acquire("c");
        lease.close();
        lease.close();

        try (ComponentLock.Lease again = locks.acquire("c")) {
            assertThat(locks.activeLocks()).isEqualTo(1);
        }
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        for (int i = 0; i < 500 && thread.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(5);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
    }
}
