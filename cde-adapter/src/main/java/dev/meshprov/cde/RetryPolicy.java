package dev.meshprov.cde;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and jitter: the wait before attempt {@code n + 1} is a random duration
 * between half and all of {@code initial * 2^(n-1)}, capped at {@code max}; a Retry-After from the upstream is
 * honoured up to {@code max}.
 *
 * @param maxAttempts attempts in all, including the first
 * @param initial the first backoff
 * @param max the longest wait
 */
record RetryPolicy(int maxAttempts, Duration initial, Duration max) {

    /** No retries: for tests and calls that must not be repeated. */
    static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** How long to wait after failed attempt {@code attempt} (1-based). */
    Duration backoff(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(max) > 0 ? max : retryAfter.get();
        }
        long base = initial.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, max.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
