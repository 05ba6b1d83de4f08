package dev.meshprov.airbyte;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How many times a call is tried and how long to wait in between: exponential back-off with jitter, or what a 429's
 * {@code Retry-After} asks (up to a bound).
 *
 * @param maxAttempts attempts per call, including the first
 * @param initialBackoff the wait before the second attempt (before jitter)
 * @param maxBackoff the longest computed wait
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /**
     * The wait after failed attempt number {@code attempt} (1-based): the server's {@code Retry-After} when given,
     * else {@code initialBackoff * 2^(attempt-1)}, capped, with "equal jitter" (between half and all of it).
     */
    Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
        }
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.max(0, Math.min(base, maxBackoff.toMillis()));
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
