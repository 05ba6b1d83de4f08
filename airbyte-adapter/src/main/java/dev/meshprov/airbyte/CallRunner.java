package dev.meshprov.airbyte;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.upstream.RetryAfter;
import dev.meshprov.core.upstream.RetryPolicy;
import feign.Response;
import feign.RetryableException;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs calls to Airbyte: adds authentication, reports every attempt to the {@link UpstreamObserver}, retries what is
 * safe to retry with back-off (honouring {@code Retry-After} on 429), refreshes a refused token once, and turns
 * every outcome into a value. Nothing here throws for an upstream problem.
 */
final class CallRunner {

    /** How a call may be repeated. */
    enum Mode {
        /** Reads, updates and deletes: retried on 429, 5xx, time-outs and I/O errors. */
        SAFE,
        /**
         * Creates: retried at once when the request cannot have been processed (429, connection refused); after any
         * other retryable failure only when a lookup shows it did not happen.
         */
        CREATE,
        /** Never repeated unless the request cannot have been processed (e.g. starting a sync). */
        ONCE
    }

    /** Reads a 2xx body; a {@link String} on the left says why it could not. */
    @FunctionalInterface
    interface Reader<T> {
        Either<String, T> read(int status, byte[] body);

        /** This reader, then {@code mapping} of what it read. */
        default <U> Reader<U> then(Function<T, Either<String, U>> mapping) {
            return (status, body) -> read(status, body).flatMap(mapping);
        }
    }

    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final UpstreamObserver observer;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Authentication authentication;
    private final ErrorTranslator errors;
    private final Clock clock;

    CallRunner(
            UpstreamObserver observer,
            RetryPolicy policy,
            Sleeper sleeper,
            Authentication authentication,
            ErrorTranslator errors,
            Clock clock) {
        this.clock = clock;
        this.observer = observer;
        this.policy = policy;
        this.sleeper = sleeper;
        this.authentication = authentication;
        this.errors = errors;
    }

    /** A call that is safe to repeat. */
    <T> Either<UpstreamFailure, T> safe(Call call, Function<String, Response> invocation, Reader<T> reader) {
        return run(call, Mode.SAFE, invocation, reader, () -> Either.right(Optional.empty()));
    }

    /** A call that must not be repeated blindly. */
    <T> Either<UpstreamFailure, T> once(Call call, Function<String, Response> invocation, Reader<T> reader) {
        return run(call, Mode.ONCE, invocation, reader, () -> Either.right(Optional.empty()));
    }

    /**
     * A create. When its outcome is unknown, {@code lookup} says whether it happened after all (the entity then is
     * the result); only when it did not is the create tried again.
     */
    <T> Either<UpstreamFailure, T> create(
            Call call,
            Function<String, Response> invocation,
            Reader<T> reader,
            Supplier<Either<UpstreamFailure, Optional<T>>> lookup) {
        return run(call, Mode.CREATE, invocation, reader, lookup);
    }

    private <T> Either<UpstreamFailure, T> run(
            Call call,
            Mode mode,
            Function<String, Response> invocation,
            Reader<T> reader,
            Supplier<Either<UpstreamFailure, Optional<T>>> lookup) {
        boolean refreshed = false;
        int attempt = 0;
        int failures = 0;
        while (true) {
            attempt++;
            Either<UpstreamFailure, Optional<String>> header = authentication.header();
            if (header.isLeft()) {
                return Either.left(header.getLeft());
            }
            Attempt outcome =
                    attempt(call, attempt, () -> invocation.apply(header.get().orElse(null)));
            if (outcome.isSuccess()) {
                return reader.read(outcome.status(), outcome.body())
                        .mapLeft(problem -> errors.malformed(call, problem));
            }
            if (outcome.status() == 401
                    && !refreshed
                    && header.get().isPresent()
                    && authentication.invalidate(header.get().get())) {
                refreshed = true;
                continue;
            }
            UpstreamFailure failure = outcome.failure(call, errors);
            failures++;
            if (!retryable(mode, outcome)
                    || failures >= policy.maxAttempts()
                    || Thread.currentThread().isInterrupted()) {
                return Either.left(failure);
            }
            if (!sleeper.sleep(policy.delay(failures, outcome.retryAfter()))) {
                return Either.left(failure);
            }
            if (mode == Mode.CREATE && !outcome.notProcessed()) {
                Either<UpstreamFailure, Optional<T>> found = lookup.get();
                if (found.isLeft()) {
                    return Either.left(failure);
                }
                if (found.get().isPresent()) {
                    return Either.right(found.get().get());
                }
            }
        }
    }

    private static boolean retryable(Mode mode, Attempt outcome) {
        if (outcome.notProcessed()) {
            return true;
        }
        boolean unknownOutcome = outcome.error() != null || outcome.status() >= 500;
        return unknownOutcome && mode != Mode.ONCE;
    }

    private Attempt attempt(Call call, int number, Supplier<Response> invocation) {
        long start = System.nanoTime();
        Attempt attempt;
        try (Response response = invocation.get()) {
            attempt = new Attempt(response.status(), read(response), retryAfter(response), null);
        } catch (RetryableException e) {
            attempt = new Attempt(0, new byte[0], Optional.empty(), ioCause(e));
        } catch (IOException e) {
            attempt = new Attempt(0, new byte[0], Optional.empty(), e);
        }
        observer.completed(new UpstreamCall(
                ErrorTranslator.SYSTEM,
                call.operation(),
                call.target(),
                attempt.outcome(),
                Duration.ofNanos(System.nanoTime() - start),
                number));
        return attempt;
    }

    private static byte[] read(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readNBytes(MAX_BODY);
        }
    }

    private static IOException ioCause(RetryableException e) {
        return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    /** {@code Retry-After} in seconds or as an HTTP date, when a 429 or 503 carries it. */
    private Optional<Duration> retryAfter(Response response) {
        if (response.status() != 429 && response.status() != 503) {
            return Optional.empty();
        }
        Collection<String> values = response.headers().entrySet().stream()
                .filter(header -> "Retry-After".equalsIgnoreCase(header.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(List.of());
        return values.stream().findFirst().flatMap(value -> RetryAfter.parse(value, clock));
    }

    /** What one attempt gave: a status and body, or an I/O error. */
    private record Attempt(int status, byte[] body, Optional<Duration> retryAfter, IOException error) {

        boolean isSuccess() {
            return error == null && status >= 200 && status < 300;
        }

        /** Whether Airbyte cannot have processed the request: rate limited, or no connection was made. */
        boolean notProcessed() {
            return status == 429 || error instanceof ConnectException || error instanceof HttpConnectTimeoutException;
        }

        String outcome() {
            if (error == null) {
                return String.valueOf(status);
            }
            return error instanceof HttpTimeoutException ? "timeout" : "io-error";
        }

        UpstreamFailure failure(Call call, ErrorTranslator errors) {
            return error != null ? errors.fromIo(call, error) : errors.fromStatus(call, status, body);
        }
    }
}
