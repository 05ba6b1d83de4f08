package dev.meshprov.core.service;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.UpstreamOutage;
import java.util.List;
import java.util.Objects;

/**
 * The answer of the facade to a request: rejected as invalid, not checked because an upstream system failed,
 * failed for another system reason, done (sync), or accepted with a token to poll (async).
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
     * The input showed no problem, but checks it needs could not be made because an upstream system could not be
     * reached, did not answer in time or refused meshprov's credentials; nothing was changed (HTTP 500
     * {@code SystemError}, CLI exit 3). The same request may pass once the upstream is back.
     */
    record CouldNotCheck<R>(List<UpstreamOutage> outages) implements Submission<R> {
        public CouldNotCheck {
            outages = List.copyOf(outages);
            if (outages.isEmpty()) {
                throw new IllegalArgumentException("could not check needs at least one outage");
            }
        }
    }

    /**
     * The request could not be handled for a reason that is not the user's input (the task store is full, meshprov
     * is shutting down): HTTP 500 with {@code message}.
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
