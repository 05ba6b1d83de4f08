package dev.meshprov.http.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a test uses to steer and observe the {@link TestTechnology}: the events it records in order, gates an
 * operation waits at until the test opens them, and meetings where operations wait for each other (which proves
 * they overlap). Names are chosen per test, so one instance serves a whole test class.
 */
public final class TestControls {

    /** How long anything waits before giving up; far above what a passing test needs. */
    public static final long WAIT_SECONDS = 20;

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CountDownLatch> started = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CountDownLatch> meetings = new ConcurrentHashMap<>();

    /** Records that something happened, e.g. {@code start provision first}. */
    void record(String event) {
        events.add(event);
    }

    /** Every event so far, in the order recorded. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The events whose text contains {@code marker}, in order. */
    public List<String> eventsAbout(String marker) {
        return events().stream().filter(event -> event.contains(marker)).toList();
    }

    /** Marks that the operation on {@code name} started. */
    void started(String name) {
        latch(started, name, 1).countDown();
    }

    /** Waits until the operation on {@code name} has started. */
    public boolean awaitStarted(String name) throws InterruptedException {
        return latch(started, name, 1).await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Blocks until the test opens {@code gate}; false when it never does. */
    boolean passGate(String gate) throws InterruptedException {
        return latch(gates, gate, 1).await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Lets every operation waiting at {@code gate} go on. */
    public void open(String gate) {
        latch(gates, gate, 1).countDown();
    }

    /** Arrives at {@code meeting} and waits for {@code parties} arrivals in all; false when they never come. */
    boolean meet(String meeting, int parties) throws InterruptedException {
        CountDownLatch latch = latch(meetings, meeting, parties);
        latch.countDown();
        return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static CountDownLatch latch(ConcurrentMap<String, CountDownLatch> map, String name, int count) {
        return map.computeIfAbsent(name, key -> new CountDownLatch(count));
    }
}
