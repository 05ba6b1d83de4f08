package dev.meshprov.cde;

import dev.meshprov.core.model.UpstreamFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one attempt of an upstream call, with the label the observer reports. */
sealed interface Attempt<T> {

    /** What the observer reports: the HTTP status, or {@code timeout}, {@code io-error}... */
    String outcome();

    /** The attempt got an answer the caller interprets (any status that is not a retryable failure). */
    record Answered<T>(T value, String outcome) implements Attempt<T> {
        public Answered {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** The attempt failed; retried when the failure is retryable and the call is safe to repeat. */
    record Failed<T>(UpstreamFailure failure, String outcome, Optional<Duration> retryAfter) implements Attempt<T> {
        public Failed {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
