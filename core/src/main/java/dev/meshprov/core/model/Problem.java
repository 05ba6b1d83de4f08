package dev.meshprov.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a request, a descriptor or a configuration: where it is, what is wrong and how to fix it.
 *
 * <p>A problem found while checking the upstream system (an online validation that could not be completed because
 * the upstream failed) carries that {@link UpstreamFailure}; such a problem is not the user's input being wrong.
 *
 * @param field the dot path of the offending field, e.g. {@code dataProduct.components[urn:...].specific.dagName}
 * @param message what is wrong, for a person
 * @param solution a concrete fix
 * @param upstream the upstream failure that prevented a check, if that is what this problem is
 */
public record Problem(String field, String message, String solution, Optional<UpstreamFailure> upstream) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(upstream, "upstream");
    }

    /** A problem with the user's input. */
    public static Problem of(String field, String message, String solution) {
        return new Problem(field, message, solution, Optional.empty());
    }

    /** A check on {@code field} that could not be made because the upstream system failed. */
    public static Problem upstream(String field, UpstreamFailure failure, String solution) {
        return new Problem(field, failure.describe(), solution, Optional.of(failure));
    }

    /** Whether this problem is an upstream failure rather than bad input. */
    public boolean isUpstream() {
        return upstream.isPresent();
    }

    /** The problem on one line: {@code field: message}. */
    public String describe() {
        return field.isEmpty() ? message : field + ": " + message;
    }

    /** The problem with its fix on one line, as used in the contract's {@code errors} arrays. */
    public String describeWithFix() {
        return describe() + " (fix: " + solution + ")";
    }
}
