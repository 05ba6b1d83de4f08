package dev.meshprov.mwaa;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.upstream.AwsCredentials;
import java.io.IOException;
import java.lang.System.Logger;
import java.net.SocketTimeoutException;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Translates AWS SDK exceptions of S3 calls into {@link UpstreamFailure}s with redacted, honest details, each in one
 * line: no credentials found and credentials refused are unauthorised, a missing permission is forbidden; the SDK's
 * dump of its credential chain goes to the DEBUG log only.
 */
final class S3Failures {

    static final String SYSTEM = "S3";

    /** Where the static credentials of the S3 store are configured. */
    static final String CONFIG_KEY = "mwaa.s3";

    private static final Logger LOG = System.getLogger("dev.meshprov.mwaa.S3");

    private final Redactor redactor;
    private final String where;

    S3Failures(Redactor redactor) {
        this(redactor, "");
    }

    /** Failures whose I/O errors say where S3 was looked for, e.g. {@code at http://minio:9000}. */
    S3Failures(Redactor redactor, String where) {
        this.redactor = redactor;
        this.where = where.isEmpty() ? "" : " " + where;
    }

    UpstreamFailure translate(String operation, SdkException exception) {
        if (exception instanceof S3Exception s3) {
            return fromResponse(operation, s3);
        }
        if (AwsCredentials.missing(exception)) {
            LOG.log(
                    Logger.Level.DEBUG,
                    () -> "no AWS credentials for " + operation + ": " + redactor.redact(exception.getMessage()));
            return new UpstreamFailure.Unauthorized(SYSTEM, operation, AwsCredentials.missingDetail(CONFIG_KEY));
        }
        if (exception instanceof ApiCallTimeoutException || exception instanceof ApiCallAttemptTimeoutException) {
            return new UpstreamFailure.TimedOut(SYSTEM, operation, detail(exception.getMessage()));
        }
        Throwable cause = rootCause(exception);
        if (timedOut(exception)) {
            return new UpstreamFailure.TimedOut(
                    SYSTEM,
                    operation,
                    detail("timed out (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")"));
        }
        if (cause instanceof IOException) {
            return new UpstreamFailure.Unavailable(
                    SYSTEM,
                    operation,
                    detail("could not talk to S3" + where + " ("
                            + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")"));
        }
        String message = String.valueOf(exception.getMessage());
        if (message.contains("unmarshall") || message.contains("parse")) {
            return new UpstreamFailure.Malformed(SYSTEM, operation, detail(message));
        }
        return new UpstreamFailure.Unavailable(SYSTEM, operation, detail(message));
    }

    /** A 2xx answer that is not what the call returns. */
    UpstreamFailure malformed(String operation, String what) {
        return new UpstreamFailure.Malformed(SYSTEM, operation, detail(what));
    }

    private UpstreamFailure fromResponse(String operation, S3Exception exception) {
        int status = exception.statusCode();
        AwsErrorDetails details = exception.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? null : details.errorMessage();
        String text = detail((code == null ? "HTTP " + status : code)
                + (message == null ? "" : ": " + message)
                + (exception.requestId() == null ? "" : " (request id " + exception.requestId() + ")"));
        if (status < 300) {
            // S3 may answer 200 and then report a failure in the body (e.g. an InternalError during a copy)
            return new UpstreamFailure.Unavailable(
                    SYSTEM, operation, "answered " + status + " with an error document: " + text);
        }
        return switch (status) {
            case 401, 403 -> AwsCredentials.refusal(SYSTEM, operation, status, code, text);
            case 404 -> new UpstreamFailure.NotFound(SYSTEM, operation, text);
            case 409 -> new UpstreamFailure.Conflict(SYSTEM, operation, text);
            case 412 ->
                new UpstreamFailure.Conflict(
                        SYSTEM, operation, "the source object changed since it was read (" + text + ")");
            case 408 -> new UpstreamFailure.TimedOut(SYSTEM, operation, text);
            default ->
                status == 429 || status >= 500
                        ? new UpstreamFailure.Unavailable(SYSTEM, operation, text)
                        : new UpstreamFailure.Rejected(SYSTEM, operation, status, text, List.of());
        };
    }

    private String detail(String text) {
        return redactor.redact(text == null ? "no detail" : text);
    }

    /**
     * Whether a socket time-out lies anywhere in the chain: the HTTP client wraps the socket's, connecting as well as
     * reading, in exceptions of its own.
     */
    private static boolean timedOut(Throwable throwable) {
        for (Throwable current = throwable; current != null; current = current.getCause()) {
            if (current instanceof SocketTimeoutException) {
                return true;
            }
            if (current.getCause() == current) {
                return false;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable current = throwable;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
            if (current instanceof IOException) {
                return current;
            }
        }
        return current;
    }
}
