package dev.meshprov.airbyte;

import java.time.Duration;

/** Waits between attempts; tests replace it to record the waits instead. */
@FunctionalInterface
interface Sleeper {

    /** Waits {@code duration}; false when interrupted (the caller then stops retrying). */
    boolean sleep(Duration duration);

    /** The real one. */
    static Sleeper threadSleep() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
