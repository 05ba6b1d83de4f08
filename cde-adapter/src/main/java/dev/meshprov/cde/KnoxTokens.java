package dev.meshprov.cde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.core.cde.VcEndpoint;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.secret.Redactor;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knox tokens for the jobs API, fetched with the workload user's HTTP Basic credentials and cached per CDE service
 * until shortly before they expire. Every token is registered with the {@link Redactor} as soon as it arrives.
 * {@code expires_in} is read as Apache Knox's {@code TokenResource} writes it — epoch milliseconds, or {@code -1} for
 * a token that never expires ({@code knox.token.ttl: -1}) — and as {@code cloudera-airflow-plugins}' CDE token cache
 * reads it (epoch milliseconds); epoch seconds and seconds-from-now are understood too. A token is reused for at most
 * {@link #LONGEST_REUSE} (a token without expiry too: refreshed then, and at once when the jobs API refuses it with
 * 401); a missing or zero value means a short lifetime.
 */
final class KnoxTokens {

    static final String SYSTEM = "CDE";
    private static final String OPERATION = "GET /gateway/authtkn/knoxtoken/api/v1/token";
    private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);
    static final Duration LONGEST_REUSE = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private record Token(String value, Instant refreshAt) {}

    private final CdeJobsApi api;
    private final UpstreamCalls calls;
    private final HttpFailures failures;
    private final ObjectMapper json;
    private final Redactor redactor;
    private final Clock clock;
    private final String tokenUrl;
    private final String basic;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    KnoxTokens(
            CdeJobsApi api,
            UpstreamCalls calls,
            HttpFailures failures,
            ObjectMapper json,
            Redactor redactor,
            Clock clock,
            String tokenUrl,
            String user,
            String password) {
        this.api = api;
        this.calls = calls;
        this.failures = failures;
        this.json = json;
        this.redactor = redactor;
        this.clock = clock;
        this.tokenUrl = tokenUrl;
        this.basic =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        redactor.register(basic.substring("Basic ".length()));
    }

    /** A valid token for the service of {@code vc}, from the cache or freshly fetched. */
    Either<UpstreamFailure, String> token(VcEndpoint vc) {
        Token cached = tokens.get(vc.clusterId());
        if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
            return Either.right(cached.value());
        }
        return fetch(vc);
    }

    /** Forgets {@code token} (the jobs API refused it), so that the next {@link #token} fetches a new one. */
    void invalidate(VcEndpoint vc, String token) {
        tokens.computeIfPresent(vc.clusterId(), (id, cached) -> cached.value().equals(token) ? null : cached);
    }

    private Either<UpstreamFailure, String> fetch(VcEndpoint vc) {
        URI url = URI.create(tokenUrl.replace("{clusterFqdn}", vc.clusterFqdn()));
        return calls.call(
                        SYSTEM,
                        OPERATION,
                        url.getPath(),
                        true,
                        () -> failures.feign(OPERATION, () -> api.token(url, basic)))
                .flatMap(answer -> {
                    if (!answer.ok()) {
                        return Either.left(failures.failure(OPERATION, answer));
                    }
                    try {
                        JsonNode body = json.readTree(answer.body());
                        JsonNode token = body == null ? null : body.get("access_token");
                        if (token == null
                                || !token.isTextual()
                                || token.asText().isBlank()) {
                            return Either.left(failures.malformed(OPERATION, "the answer has no access_token"));
                        }
                        redactor.register(token.asText());
                        Instant now = clock.instant();
                        Instant expires = expiry(body.get("expires_in"), now);
                        Duration lifetime = Duration.between(now, expires);
                        Duration margin =
                                lifetime.compareTo(MARGIN.multipliedBy(4)) < 0 ? lifetime.dividedBy(4) : MARGIN;
                        tokens.put(vc.clusterId(), new Token(token.asText(), expires.minus(margin)));
                        return Either.right(token.asText());
                    } catch (IOException e) {
                        return Either.left(failures.malformed(OPERATION, "the answer is not JSON"));
                    }
                });
    }

    /** When the token answered with {@code expiresIn} stops being reused, at most {@link #LONGEST_REUSE} away. */
    static Instant expiry(JsonNode expiresIn, Instant now) {
        Instant expires = declaredExpiry(expiresIn, now);
        Instant longest = now.plus(LONGEST_REUSE);
        if (expires.isAfter(longest)) {
            return longest;
        }
        return expires.isAfter(now) ? expires : now;
    }

    private static Instant declaredExpiry(JsonNode expiresIn, Instant now) {
        if (expiresIn == null || !expiresIn.canConvertToLong() && !expiresIn.isTextual()) {
            return now.plus(UNKNOWN_LIFETIME);
        }
        long value;
        try {
            value = expiresIn.isTextual() ? Long.parseLong(expiresIn.asText().strip()) : expiresIn.longValue();
        } catch (NumberFormatException e) {
            return now.plus(UNKNOWN_LIFETIME);
        }
        if (value < 0) {
            return now.plus(LONGEST_REUSE); // Knox: -1 = the token never expires
        }
        if (value == 0) {
            return now.plus(UNKNOWN_LIFETIME);
        }
        if (value > 100_000_000_000L) {
            return Instant.ofEpochMilli(value);
        }
        if (value > 1_000_000_000L) {
            return Instant.ofEpochSecond(value);
        }
        return now.plusSeconds(value);
    }
}
