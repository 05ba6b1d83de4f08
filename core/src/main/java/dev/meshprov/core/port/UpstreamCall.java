package dev.meshprov.core.port;

import java.time.Duration;
import java.util.Objects;

/**
 * One attempt of a call to an upstream system, as reported to the {@link UpstreamObserver}.
 *
 * @param system the upstream system, e.g. {@code Airbyte}, {@code S3}, {@code CDP}, {@code CDE}
 * @param operation the call, e.g. {@code GET /v1/sources} (path template, no ids) or {@code HeadObject}
 * @param target what it was about, e.g. the request path or {@code bucket/key}; never a secret or a query string
 * @param outcome the HTTP status as text ({@code 200}, {@code 404}), or {@code timeout}, {@code io-error}, ...
 * @param duration how long the attempt took
 * @param attempt 1 for the first attempt, 2 and more for retries
 */
public record UpstreamCall(
        String system, String operation, String target, String outcome, Duration duration, int attempt) {
    public UpstreamCall {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}
