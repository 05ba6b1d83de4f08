package dev.meshprov.airbyte;

import dev.meshprov.core.model.UpstreamFailure;
import feign.Response;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Client-credentials authentication: exchanges the application's id and secret for an access token, keeps it until
 * shortly before it expires, and fetches a new one when Airbyte refuses it. Thread-safe; at most one token request
 * runs at a time.
 */
final class ClientCredentials implements Authentication {

    /** The lifetime assumed when the token answer does not say. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(3);

    private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private final Function<Wire.TokenRequest, Response> tokenEndpoint;
    private final CallRunner runner;
    private final Call call;
    private final Wire.TokenRequest request;
    private final Clock clock;
    private final JsonBodies bodies;

    private String header;
    private Instant refreshAt = Instant.MIN;

    ClientCredentials(
            Function<Wire.TokenRequest, Response> tokenEndpoint,
            CallRunner runner,
            String tokenPath,
            String clientId,
            String clientSecret,
            Clock clock,
            JsonBodies bodies) {
        this.tokenEndpoint = tokenEndpoint;
        this.runner = runner;
        this.call = new Call("POST", tokenPath, tokenPath);
        this.request = Wire.TokenRequest.clientCredentials(clientId, clientSecret);
        this.clock = clock;
        this.bodies = bodies;
    }

    @Override
    public synchronized Either<UpstreamFailure, Optional<String>> header() {
        if (header != null && clock.instant().isBefore(refreshAt)) {
            return Either.right(Optional.of(header));
        }
        Instant requested = clock.instant();
        return runner.safe(call, ignored -> tokenEndpoint.apply(request), bodies.reader(Wire.TokenResponse.class))
                .flatMap(token -> {
                    if (token.accessToken() == null || token.accessToken().isBlank()) {
                        return Either.left(new UpstreamFailure.Malformed(
                                ErrorTranslator.SYSTEM, call.describe(), "the token answer has no access_token"));
                    }
                    Duration lifetime = token.expiresIn() == null || token.expiresIn() <= 0
                            ? DEFAULT_LIFETIME
                            : Duration.ofSeconds(token.expiresIn());
                    Duration margin =
                            lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
                    header = "Bearer " + token.accessToken();
                    refreshAt = requested.plus(lifetime).minus(margin);
                    return Either.right(Optional.of(header));
                });
    }

    @Override
    public synchronized boolean invalidate(String refused) {
        if (refused.equals(header)) {
            header = null;
        }
        return true;
    }
}
