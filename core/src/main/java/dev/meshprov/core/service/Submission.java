package dev.meshprov.core.service;

import dev.meshprov.core.model.Problem;
import java.util.List;
import java.util.Objects;

/**
 * The answer of the facade to a request: rejected as invalid, failed for a system reason, done (sync), or accepted
 * with a token to poll (async).
 *
 * @param <R> the value of a done request
 */
public sealed interface Submission<R> {

    /** The request is invalid; every problem is listed (HTTP 400). */
    record Rejected<R>(List<Problem> problems) implements Submission<R> {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /**
     * The request could not be handled for a reason that is not the user's input (an upstream system failed during
     * validation, the task store is full): HTTP 500 with {@code message}.
     */
    record SystemFailure<R>(String message, List<Problem> problems) implements Submission<R> {
        public SystemFailure {
            Objects.requireNonNull(message, "message");
            problems = List.copyOf(problems);
        }
    }

    /** The operation ran to the end (sync); its value may still report a failure. */
    record Done<R>(R value) implements Submission<R> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The operation was accepted; poll its status with {@code token}. */
    record Accepted<R>(String token) implements Submission<R> {
        public Accepted {
            Objects.requireNonNull(token, "token");
        }
    }
}
