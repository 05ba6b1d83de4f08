package dev.meshprov.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A check that could not be made because an upstream system could not be reached, did not answer in time, refused
 * meshprov's credentials or answered something else than the check needs. It says nothing about the input: the
 * descriptor is neither valid nor invalid for it, and the same request may pass once the upstream is back.
 *
 * @param field the field whose check could not be made ({@code ""} when the call checked no one field, e.g. the
 *     reading of a plan); for information, never blamed
 * @param system the upstream system, e.g. {@code S3}, {@code Airbyte}, {@code CDP}, {@code CDE}
 * @param call the call, e.g. {@code HeadObject} or {@code GET}
 * @param target what the call was made to, e.g. {@code s3://bucket/key} or {@code /v1/workspaces/<id>}
 * @param kind how it failed
 * @param detail what happened, one line and redacted, e.g. {@code no AWS credentials found}
 * @param fix what to do about it
 */
public record UpstreamOutage(
        String field, String system, String call, String target, Kind kind, String detail, String fix) {

    /** How an upstream call failed, for people and for the choice of exit code and HTTP status. */
    public enum Kind {
        /** No connection could be made, or the upstream answered that it is unavailable (5xx, 429). */
        UNREACHABLE("unreachable"),
        /** No answer in time. */
        TIMED_OUT("timed out"),
        /** No credentials, or credentials the upstream refused (401). */
        UNAUTHORISED("unauthorised"),
        /** Credentials accepted, but without the permission the call needs (403). */
        FORBIDDEN("forbidden"),
        /** Any other failure of the upstream call: not found, conflict, rejected, an answer meshprov cannot read. */
        FAILED("failed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind in a sentence: {@code unreachable}, {@code timed out}, ... */
        public String label() {
            return label;
        }

        /** The kind of {@code failure}. */
        public static Kind of(UpstreamFailure failure) {
            if (failure instanceof UpstreamFailure.Unavailable) {
                return UNREACHABLE;
            }
            if (failure instanceof UpstreamFailure.TimedOut) {
                return TIMED_OUT;
            }
            if (failure instanceof UpstreamFailure.Unauthorized unauthorized) {
                return unauthorized.forbidden() ? FORBIDDEN : UNAUTHORISED;
            }
            return FAILED;
        }
    }

    public UpstreamOutage {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    /** The outage a problem carries, if it is one: a check of {@code problem.field()} that the upstream prevented. */
    public static Optional<UpstreamOutage> of(Problem problem) {
        return problem.upstream().map(failure -> of(problem.field(), failure, problem.solution()));
    }

    /** The outage of {@code failure} while checking {@code field}, with {@code fix}. */
    public static UpstreamOutage of(String field, UpstreamFailure failure, String fix) {
        String operation = failure.operation().strip();
        int space = operation.indexOf(' ');
        String call = space < 0 ? operation : operation.substring(0, space);
        String target = space < 0 ? "" : operation.substring(space + 1).strip();
        Kind kind = Kind.of(failure);
        String detail = kind == Kind.FAILED ? failure.kind() + ": " + failure.detail() : failure.detail();
        return new UpstreamOutage(field, failure.system(), call, target, kind, detail, fix);
    }

    /** The outage of a call that checked no one field, with the usual fix for its kind. */
    public static UpstreamOutage of(UpstreamFailure failure) {
        return of("", failure, defaultFix(Kind.of(failure), failure.system()));
    }

    /** What to do about an outage of {@code kind} when the technology has nothing more specific to say. */
    public static String defaultFix(Kind kind, String system) {
        return switch (kind) {
            case UNREACHABLE ->
                "Check that meshprov can reach " + system + " (its address in the configuration, the network, a"
                        + " proxy), or wait until it is available, then run again.";
            case TIMED_OUT ->
                "Check that " + system + " answers (it may be overloaded), or raise the time-out in the"
                        + " configuration, then run again.";
            case UNAUTHORISED -> "Give meshprov credentials that " + system + " accepts, then run again.";
            case FORBIDDEN ->
                "Grant meshprov's identity the permission for this call on " + system + ", then run again.";
            case FAILED -> "Check what " + system + " answered (above) and the configuration, then run again.";
        };
    }

    /** This outage with {@code redact} applied to every text that may hold what an upstream said. */
    public UpstreamOutage redacted(UnaryOperator<String> redact) {
        return new UpstreamOutage(
                field, system, call, redact.apply(target), kind, redact.apply(detail), redact.apply(fix));
    }

    /** The call and its target: {@code S3 HeadObject s3://bucket/key}. */
    public String describeCall() {
        return system + " " + call + (target.isEmpty() ? "" : " " + target);
    }

    /** One line: {@code S3 HeadObject s3://bucket/key: unauthorised: no AWS credentials found}. */
    public String describe() {
        return describeCall() + ": " + kind.label() + ": " + detail;
    }

    /** {@code could not check: <call>: <kind>: <detail>; ...}, every outage in one line. */
    public static String describeAll(List<UpstreamOutage> outages) {
        return "could not check: "
                + outages.stream().map(UpstreamOutage::describe).collect(Collectors.joining("; "));
    }
}
