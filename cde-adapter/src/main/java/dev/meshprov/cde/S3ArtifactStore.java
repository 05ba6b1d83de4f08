package dev.meshprov.cde;

import dev.meshprov.core.cde.ArtifactObject;
import dev.meshprov.core.cde.ArtifactStore;
import dev.meshprov.core.cde.ArtifactUri;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.upstream.AwsCredentials;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Artifacts in S3 through the AWS SDK v2 sync client (created on first use, so that start-up stays offline).
 * {@code HeadObject} and opening {@code GetObject} are retried when that may help; the content is handed to the
 * reader as the SDK's stream, never buffered, and aborted rather than drained when the reader stops early.
 */
final class S3ArtifactStore implements ArtifactStore {

    static final String SYSTEM = "S3";

    private static final System.Logger LOG = System.getLogger("dev.meshprov.cde.S3");

    private final Supplier<S3Client> client;
    private final UpstreamCalls calls;
    private final Redactor redactor;

    S3ArtifactStore(Supplier<S3Client> client, UpstreamCalls calls, Redactor redactor) {
        this.client = client;
        this.calls = calls;
        this.redactor = redactor;
    }

    @Override
    public Either<UpstreamFailure, Optional<ArtifactObject>> head(ArtifactUri uri) {
        String operation = "HeadObject";
        return calls.call(SYSTEM, operation, target(uri), true, () -> {
            try {
                HeadObjectResponse head = client.get()
                        .headObject(HeadObjectRequest.builder()
                                .bucket(uri.bucket())
                                .key(uri.key())
                                .build());
                return new Attempt.Answered<>(
                        Optional.of(new ArtifactObject(uri, head.contentLength(), unquote(head.eTag()))), "200");
            } catch (NoSuchKeyException e) {
                return new Attempt.Answered<>(Optional.empty(), "404");
            } catch (S3Exception e) {
                if (e.statusCode() == 404 && !(e instanceof NoSuchBucketException)) {
                    return new Attempt.Answered<>(Optional.empty(), "404");
                }
                return failed(operation, uri, e);
            } catch (SdkClientException e) {
                return failed(operation, uri, e);
            }
        });
    }

    @Override
    public <T> Either<UpstreamFailure, T> read(ArtifactUri uri, ContentReader<T> reader) {
        String operation = "GetObject";
        Either<UpstreamFailure, ResponseInputStream<GetObjectResponse>> opened =
                calls.call(SYSTEM, operation, target(uri), true, () -> {
                    try {
                        ResponseInputStream<GetObjectResponse> stream = client.get()
                                .getObject(GetObjectRequest.builder()
                                        .bucket(uri.bucket())
                                        .key(uri.key())
                                        .build());
                        return new Attempt.Answered<>(stream, "200");
                    } catch (S3Exception | SdkClientException e) {
                        return failed(operation, uri, e);
                    }
                });
        if (opened.isLeft()) {
            return Either.left(opened.getLeft());
        }
        ResponseInputStream<GetObjectResponse> stream = opened.get();
        boolean complete = false;
        try {
            Either<UpstreamFailure, T> result =
                    reader.read(stream, stream.response().contentLength());
            complete = result.isRight();
            return result;
        } finally {
            close(stream, complete);
        }
    }

    private static void close(ResponseInputStream<GetObjectResponse> stream, boolean complete) {
        try {
            if (!complete) {
                stream.abort();
            }
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close an S3 stream", e);
        }
    }

    private <T> Attempt<T> failed(String operation, ArtifactUri uri, RuntimeException error) {
        String call = operation + " " + uri;
        if (error instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = s3.awsErrorDetails() != null ? s3.awsErrorDetails().errorCode() : null;
            String detail = "HTTP " + status + (code != null ? " " + code : "") + ": "
                    + redactor.redact(firstLine(
                            s3.awsErrorDetails() != null ? s3.awsErrorDetails().errorMessage() : s3.getMessage()));
            UpstreamFailure failure;
            if (status == 401 || status == 403) {
                failure = AwsCredentials.refusal(SYSTEM, call, status, code, detail);
            } else if (status == 404) {
                failure = new UpstreamFailure.NotFound(SYSTEM, call, detail);
            } else if (status == 429 || status == 503 || status >= 500) {
                failure = new UpstreamFailure.Unavailable(SYSTEM, call, detail);
            } else {
                failure = new UpstreamFailure.Rejected(SYSTEM, call, status, detail, List.of());
            }
            return new Attempt.Failed<>(failure, String.valueOf(status), Optional.empty());
        }
        if (AwsCredentials.missing(error)) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> "no AWS credentials for " + call + ": " + redactor.redact(error.getMessage()));
            return new Attempt.Failed<>(
                    new UpstreamFailure.Unauthorized(SYSTEM, call, AwsCredentials.missingDetail("cde.aws")),
                    "no-credentials",
                    Optional.empty());
        }
        String detail = redactor.redact(firstLine(error.getMessage()));
        if (error instanceof ApiCallTimeoutException
                || error instanceof ApiCallAttemptTimeoutException
                || hasTimeoutCause(error)) {
            return new Attempt.Failed<>(
                    new UpstreamFailure.TimedOut(SYSTEM, call, detail), "timeout", Optional.empty());
        }
        return new Attempt.Failed<>(
                new UpstreamFailure.Unavailable(SYSTEM, call, detail), "io-error", Optional.empty());
    }

    private static boolean hasTimeoutCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String target(ArtifactUri uri) {
        return uri.bucket() + "/" + uri.key();
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1)
                : etag;
    }
}
