package dev.meshprov.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Why a call to an upstream system (Airbyte, CDP, CDE, S3, a folder) failed, translated by the adapter so that
 * nothing vendor-specific crosses a port. Messages are already redacted: they never hold a secret.
 */
public sealed interface UpstreamFailure {

    /** The upstream system, e.g. {@code Airbyte}, {@code S3}, {@code CDP}. */
    String system();

    /**
     * The call that failed, named as the call then what it was made to, e.g. {@code POST /v1/sources} or
     * {@code HeadObject s3://bucket/key}.
     */
    String operation();

    /** What the upstream said or what happened, redacted. */
    String detail();

    /** A short name of the failure kind for messages and metrics. */
    String kind();

    /** Whether retrying the same call later may succeed. */
    default boolean retryable() {
        return false;
    }

    /** One line for a person: which call to which system failed, and how. */
    default String describe() {
        return system() + " " + operation() + " failed (" + kind() + "): " + detail();
    }

    /** The upstream refused the request as invalid (e.g. HTTP 400/422); {@code details} lists its reasons. */
    record Rejected(String system, String operation, int status, String detail, List<String> details)
            implements UpstreamFailure {
        public Rejected {
            Objects.requireNonNull(system);
            Objects.requireNonNull(operation);
            Objects.requireNonNull(detail);
            details = List.copyOf(details);
        }

        @Override
        public String kind() {
            return "rejected, " + status;
        }

        @Override
        public String describe() {
            String base = UpstreamFailure.super.describe();
            return details.isEmpty() ? base : base + " [" + String.join("; ", details) + "]";
        }
    }

    /** The entity does not exist upstream. */
    record NotFound(String system, String operation, String detail) implements UpstreamFailure {
        @Override
        public String kind() {
            return "not found";
        }
    }

    /** The upstream reports a conflict with its current state (e.g. HTTP 409). */
    record Conflict(String system, String operation, String detail) implements UpstreamFailure {
        @Override
        public String kind() {
            return "conflict";
        }
    }

    /**
     * The credentials were missing or refused (e.g. HTTP 401, no AWS credentials found, S3 InvalidAccessKeyId), or
     * {@code forbidden}: they were accepted but lack a permission (e.g. HTTP 403, S3 AccessDenied).
     */
    record Unauthorized(String system, String operation, String detail, boolean forbidden) implements UpstreamFailure {

        /** Credentials missing or refused. */
        public Unauthorized(String system, String operation, String detail) {
            this(system, operation, detail, false);
        }

        /** Credentials accepted, but lacking the permission for this call. */
        public static Unauthorized forbidden(String system, String operation, String detail) {
            return new Unauthorized(system, operation, detail, true);
        }

        @Override
        public String kind() {
            return forbidden ? "forbidden" : "unauthorized";
        }
    }

    /** The upstream could not be reached or answered that it is unavailable (5xx, 429, I/O errors). */
    record Unavailable(String system, String operation, String detail) implements UpstreamFailure {
        @Override
        public String kind() {
            return "unavailable";
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The upstream did not answer in time. */
    record TimedOut(String system, String operation, String detail) implements UpstreamFailure {
        @Override
        public String kind() {
            return "timed out";
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The upstream answered something meshprov could not understand (e.g. malformed JSON). */
    record Malformed(String system, String operation, String detail) implements UpstreamFailure {
        @Override
        public String kind() {
            return "unexpected answer";
        }
    }
}
