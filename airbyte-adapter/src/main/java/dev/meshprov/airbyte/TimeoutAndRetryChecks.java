package dev.meshprov.airbyte;

import dev.meshprov.core.upstream.RetryPolicy;
import java.time.Duration;

/**
 * The {@code timeouts} and {@code retries} settings of every call: positive durations, 1 to 10 attempts, a first
 * back-off no longer than the longest; each with its default when absent or wrong.
 */
final class TimeoutAndRetryChecks {

    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private final ConfigProblems problems;

    TimeoutAndRetryChecks(ConfigProblems problems) {
        this.problems = problems;
    }

    Duration connectTimeout(AirbyteConfig.Timeouts timeouts) {
        return positive("timeouts.connect", timeouts == null ? null : timeouts.connect(), DEFAULT_CONNECT_TIMEOUT);
    }

    Duration readTimeout(AirbyteConfig.Timeouts timeouts) {
        return positive("timeouts.read", timeouts == null ? null : timeouts.read(), DEFAULT_READ_TIMEOUT);
    }

    RetryPolicy retries(AirbyteConfig.Retries retries) {
        AirbyteConfig.Retries given = retries != null ? retries : new AirbyteConfig.Retries(null, null, null, null);
        int attempts = given.maxAttempts() == null ? DEFAULT_MAX_ATTEMPTS : given.maxAttempts();
        if (attempts < 1 || attempts > 10) {
            problems.add(
                    "retries.maxAttempts",
                    "is " + attempts + ", but must be between 1 and 10",
                    "Set " + problems.key("retries.maxAttempts") + " to e.g. 3 (1 means no retries).");
            attempts = DEFAULT_MAX_ATTEMPTS;
        }
        Duration initial = positive("retries.initialBackoff", given.initialBackoff(), DEFAULT_INITIAL_BACKOFF);
        Duration max = positive("retries.maxBackoff", given.maxBackoff(), DEFAULT_MAX_BACKOFF);
        Duration retryAfter = positive("retries.maxRetryAfter", given.maxRetryAfter(), DEFAULT_MAX_RETRY_AFTER);
        if (initial.compareTo(max) > 0) {
            problems.add(
                    "retries.initialBackoff",
                    "is longer than retries.maxBackoff (" + max + ")",
                    "Make " + problems.key("retries.initialBackoff") + " at most " + problems.key("retries.maxBackoff")
                            + ".");
        }
        return new RetryPolicy(attempts, initial, max, retryAfter);
    }

    private Duration positive(String key, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            problems.add(
                    key,
                    "is " + value + ", but must be longer than zero",
                    "Set " + problems.key(key) + " to e.g. " + fallback.toMillis() + "ms.");
            return fallback;
        }
        return value;
    }
}
