package dev.meshprov.core.upstream;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How many times a safe call is tried and how long to wait in between: exponential back-off with "equal jitter"
 * (between half and all of {@code initialBackoff * 2^(attempt-1)}, capped at {@code maxBackoff}), or what the
 * upstream's {@code Retry-After} asks, capped at {@code maxRetryAfter}. Never used to repeat a create blindly: that
 * is the caller's decision.
 *
 * @param maxAttempts attempts per call, including the first
 * @param initialBackoff the wait before the second attempt (before jitter)
 * @param maxBackoff the longest computed wait
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** One attempt, no waiting: for calls that must not be repeated. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
        }
        long base = initialBackoff.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        long capped = Math.max(0, Math.min(base, maxBackoff.toMillis()));
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
