package dev.meshprov.cde;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.upstream.RetryPolicy;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs upstream calls: reports every attempt to the {@link UpstreamObserver} (system, operation, target, outcome,
 * duration, attempt) and retries failures that may pass on a later attempt (429, 5xx, I/O, timeouts) — but only
 * for calls the caller marks safe to repeat.
 */
final class UpstreamCalls {

    /** Waits between attempts; replaceable in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final UpstreamObserver observer;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    UpstreamCalls(UpstreamObserver observer, RetryPolicy policy, Sleeper sleeper) {
        this.observer = observer;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    UpstreamCalls(UpstreamObserver observer, RetryPolicy policy) {
        this(observer, policy, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * Runs {@code attempt} until it answers, fails for good, or the attempts are used up.
     *
     * @param system e.g. {@code CDP}
     * @param operation the call without ids, e.g. {@code GET /jobs/{name}}
     * @param target what it is about, e.g. the request path
     * @param safe whether repeating the call cannot do harm (reads, deletes, full updates)
     */
    <T> Either<UpstreamFailure, T> call(
            String system, String operation, String target, boolean safe, Supplier<Attempt<T>> attempt) {
        int attempts = safe ? policy.maxAttempts() : 1;
        for (int number = 1; ; number++) {
            long started = System.nanoTime();
            Attempt<T> result = attempt.get();
            report(system, operation, target, result.outcome(), Duration.ofNanos(System.nanoTime() - started), number);
            if (result instanceof Attempt.Answered<T> answered) {
                return Either.right(answered.value());
            }
            Attempt.Failed<T> failed = (Attempt.Failed<T>) result;
            if (!failed.failure().retryable() || number >= attempts) {
                return Either.left(failed.failure());
            }
            try {
                sleeper.sleep(policy.delay(number, failed.retryAfter()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Either.left(failed.failure());
            }
        }
    }

    private void report(
            String system, String operation, String target, String outcome, Duration duration, int attempt) {
        try {
            observer.completed(new UpstreamCall(system, operation, target, outcome, duration, attempt));
        } catch (RuntimeException e) {
            // an observer must not break the call it observes
        }
    }
}
