package dev.meshprov.core.task;

import dev.meshprov.core.port.ComponentLock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-component locks inside one process: fair (waiters in order of arrival), created on first use and dropped
 * when nobody holds or waits for them.
 */
public final class InMemoryComponentLock implements ComponentLock {

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public Lease acquire(String componentId) throws InterruptedException {
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(componentId, id -> new Entry());
            entry.users++;
        }
        try {
            entry.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            release(componentId, entry, false);
            throw e;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release(componentId, entry, true);
            }
        };
    }

    /** How many components have a lock held or awaited (for tests). */
    public int activeLocks() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void release(String componentId, Entry entry, boolean held) {
        if (held) {
            entry.lock.unlock();
        }
        synchronized (entries) {
            if (--entry.users == 0) {
                entries.remove(componentId);
            }
        }
    }

    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock(true);
        private int users;
    }
}
