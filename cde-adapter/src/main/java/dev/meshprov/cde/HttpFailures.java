package dev.meshprov.cde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.upstream.RetryAfter;
import feign.FeignException;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns HTTP answers and I/O errors of one upstream system into {@link Attempt}s and {@link UpstreamFailure}s:
 * 400/422 rejected, 401 unauthorized, 403 forbidden, 404 not found, 409 conflict, 429/5xx unavailable (retryable, with
 * Retry-After), timeouts and I/O errors. Upstream text is redacted and shortened before it goes into a failure.
 */
final class HttpFailures {

    private static final int MAX_DETAIL = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String system;
    private final Redactor redactor;

    HttpFailures(String system, Redactor redactor) {
        this.system = system;
        this.redactor = redactor;
    }

    String system() {
        return system;
    }

    /** Runs one Feign call returning a {@link Response} and classifies what came back. */
    Attempt<HttpAnswer> feign(String operation, Supplier<Response> call) {
        try (Response response = call.get()) {
            byte[] body = response.body() == null
                    ? new byte[0]
                    : readBody(response.body().asInputStream());
            return classify(operation, new HttpAnswer(response.status(), response.headers(), body));
        } catch (FeignException e) {
            return ioFailure(operation, e.getCause() != null ? e.getCause() : e, url(e));
        } catch (IOException | UncheckedIOException e) {
            return ioFailure(operation, e);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** A retryable failure for 429 and 5xx answers; every other answer is for the caller to interpret. */
    Attempt<HttpAnswer> classify(String operation, HttpAnswer answer) {
        if (answer.status() == 429 || answer.status() >= 500) {
            return new Attempt.Failed<>(
                    failure(operation, answer), String.valueOf(answer.status()), retryAfter(answer));
        }
        return new Attempt.Answered<>(answer, String.valueOf(answer.status()));
    }

    /** The URL a failed Feign call was made to, without its query, for the failure's detail. */
    private static Optional<String> url(FeignException e) {
        try {
            return Optional.ofNullable(e.request())
                    .map(request -> request.url())
                    .map(url -> url.contains("?") ? url.substring(0, url.indexOf('?')) : url);
        } catch (RuntimeException noRequest) {
            return Optional.empty();
        }
    }

    /** A timeout or I/O error as a failed attempt. */
    <T> Attempt<T> ioFailure(String operation, Throwable error) {
        return ioFailure(operation, error, Optional.empty());
    }

    /** A timeout or I/O error of a call to {@code url} as a failed attempt. */
    <T> Attempt<T> ioFailure(String operation, Throwable error, Optional<String> url) {
        String to = url.map(u -> " to " + u).orElse("");
        Throwable cause = rootIo(error);
        if (cause instanceof HttpTimeoutException
                || cause instanceof SocketTimeoutException
                || cause instanceof InterruptedIOException) {
            return new Attempt.Failed<>(
                    new UpstreamFailure.TimedOut(
                            system,
                            operation,
                            "no answer in time" + url.map(u -> " from " + u).orElse("") + " (" + describe(cause) + ")"),
                    "timeout",
                    Optional.empty());
        }
        String what = cause instanceof ConnectException ? "cannot connect" : "I/O error";
        return new Attempt.Failed<>(
                new UpstreamFailure.Unavailable(system, operation, what + to + " (" + describe(cause) + ")"),
                "io-error",
                Optional.empty());
    }

    private static Throwable rootIo(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null
                && !(current instanceof HttpTimeoutException)
                && !(current instanceof SocketTimeoutException)
                && !(current instanceof ConnectException)) {
            current = current.getCause();
        }
        return current;
    }

    private String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + shorten(redactor.redact(message)));
    }

    /** The failure a non-2xx answer means. */
    UpstreamFailure failure(String operation, HttpAnswer answer) {
        int status = answer.status();
        String detail = "HTTP " + status + detail(answer).map(d -> ": " + d).orElse("");
        if (status == 401) {
            return new UpstreamFailure.Unauthorized(system, operation, detail);
        }
        if (status == 403) {
            return UpstreamFailure.Unauthorized.forbidden(system, operation, detail);
        }
        if (status == 404) {
            return new UpstreamFailure.NotFound(system, operation, detail);
        }
        if (status == 409) {
            return new UpstreamFailure.Conflict(system, operation, detail);
        }
        if (status == 429 || status >= 500) {
            return new UpstreamFailure.Unavailable(system, operation, detail);
        }
        return new UpstreamFailure.Rejected(system, operation, status, detail, List.of());
    }

    /** An answer that could not be understood. */
    UpstreamFailure malformed(String operation, String what) {
        return new UpstreamFailure.Malformed(system, operation, shorten(redactor.redact(what)));
    }

    private Optional<String> detail(HttpAnswer answer) {
        String text = answer.text().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(text);
            for (String field : new String[] {"message", "error", "errorMessage", "description", "code"}) {
                if (json.path(field).isTextual() && !json.path(field).asText().isBlank()) {
                    return Optional.of(shorten(redactor.redact(json.path(field).asText())));
                }
            }
        } catch (IOException e) {
            // not JSON: use the text
        }
        return Optional.of(shorten(redactor.redact(text)));
    }

    private static Optional<Duration> retryAfter(HttpAnswer answer) {
        return answer.header("Retry-After").flatMap(value -> RetryAfter.parse(value, Clock.systemUTC()));
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
