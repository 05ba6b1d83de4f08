package dev.meshprov.core.service;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a bounded pool such that tasks with the same key run one after the other, in the order they were
 * submitted, while tasks with different keys run in parallel. A waiting task holds no thread.
 */
final class KeyedSerialExecutor {

    private final ThreadPoolExecutor pool;
    private final Map<String, ArrayDeque<Runnable>> queues = new HashMap<>();

    KeyedSerialExecutor(int workers, String threadPrefix) {
        if (workers <= 0) {
            throw new IllegalArgumentException("workers must be positive");
        }
        this.pool = new ThreadPoolExecutor(
                workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(threadPrefix));
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code task} after every earlier task with the same key. */
    void execute(String key, Runnable task) {
        synchronized (queues) {
            ArrayDeque<Runnable> queue = queues.get(key);
            if (queue != null) {
                queue.add(task);
                return;
            }
            queues.put(key, new ArrayDeque<>());
        }
        pool.execute(() -> runThenNext(key, task));
    }

    /** Runs {@code task} without ordering against others. */
    void execute(Runnable task) {
        pool.execute(task);
    }

    private void runThenNext(String key, Runnable task) {
        try {
            task.run();
        } finally {
            Runnable next;
            synchronized (queues) {
                ArrayDeque<Runnable> queue = queues.get(key);
                next = queue.poll();
                if (next == null) {
                    queues.remove(key);
                }
            }
            if (next != null) {
                Runnable following = next;
                try {
                    pool.execute(() -> runThenNext(key, following));
                } catch (RejectedExecutionException e) {
                    // shutting down: what is left is failed by the owner of the tasks
                    dropQueue(key);
                }
            }
        }
    }

    private void dropQueue(String key) {
        synchronized (queues) {
            queues.remove(key);
        }
    }

    /** Stops taking tasks and waits up to {@code millis} for running ones; then interrupts them. */
    boolean shutdown(long millis) throws InterruptedException {
        pool.shutdown();
        boolean finished = pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
        if (!finished) {
            pool.shutdownNow();
        }
        return finished;
    }

    ExecutorService pool() {
        return pool;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
