package dev.meshprov.airbyte;

import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.upstream.RetryPolicy;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Wires the Feign clients (on the JDK HTTP client, which sends PATCH and honours both time-outs), the
 * authentication and the call runners into a {@link FeignAirbyteGateway}. Makes no call.
 */
final class GatewayFactory {

    /** The longest a readiness probe waits for Airbyte's answer. */
    static final Duration PROBE_READ_TIMEOUT = Duration.ofSeconds(5);

    private GatewayFactory() {}

    static FeignAirbyteGateway create(ResolvedConfig config, TechnologyContext context, Sleeper sleeper) {
        JsonBodies bodies = new JsonBodies();
        ErrorTranslator errors = new ErrorTranslator(
                bodies.mapper(), context.redactor(), config.apiUrl().toString());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Authentication authentication = authentication(config, context, sleeper, http, bodies, errors);
        AirbyteApi api = feign(config, http, bodies)
                .target(AirbyteApi.class, config.apiUrl().toString());
        CallRunner runner =
                new CallRunner(context.observer(), config.retries(), sleeper, authentication, errors, context.clock());
        RetryPolicy once = new RetryPolicy(
                1,
                config.retries().initialBackoff(),
                config.retries().maxBackoff(),
                config.retries().maxRetryAfter());
        Duration probeRead =
                config.readTimeout().compareTo(PROBE_READ_TIMEOUT) < 0 ? config.readTimeout() : PROBE_READ_TIMEOUT;
        FeignAirbyteGateway.Probe probe = new FeignAirbyteGateway.Probe(
                new CallRunner(context.observer(), once, sleeper, authentication, errors, context.clock()),
                new Request.Options(config.connectTimeout(), probeRead, false));
        return new FeignAirbyteGateway(api, runner, probe, bodies);
    }

    private static Authentication authentication(
            ResolvedConfig config,
            TechnologyContext context,
            Sleeper sleeper,
            HttpClient http,
            JsonBodies bodies,
            ErrorTranslator errors) {
        AuthMethod method = config.auth();
        if (method instanceof AuthMethod.Basic basic) {
            return Authentication.basic(basic.username(), basic.password());
        }
        if (method instanceof AuthMethod.Bearer bearer) {
            return Authentication.bearer(bearer.token());
        }
        if (method instanceof AuthMethod.ClientCredentials credentials) {
            AirbyteApi.TokenApi tokens = feign(config, http, bodies)
                    .target(AirbyteApi.TokenApi.class, credentials.tokenUrl().toString());
            CallRunner tokenRunner = new CallRunner(
                    context.observer(), config.retries(), sleeper, Authentication.none(), errors, context.clock());
            return new ClientCredentials(
                    tokens::token,
                    tokenRunner,
                    relativePath(config.apiUrl(), credentials.tokenUrl()),
                    credentials.clientId(),
                    credentials.clientSecret(),
                    context.clock(),
                    bodies);
        }
        return Authentication.none();
    }

    private static Feign.Builder feign(ResolvedConfig config, HttpClient http, JsonBodies bodies) {
        return Feign.builder()
                .client(new Http2Client(http))
                .options(new Request.Options(config.connectTimeout(), config.readTimeout(), false))
                .retryer(Retryer.NEVER_RETRY)
                .encoder(new JacksonEncoder(bodies.mapper()));
    }

    /** The token URL's path relative to the API base when it lies under it (as observers see API paths). */
    private static String relativePath(URI apiUrl, URI tokenUrl) {
        String api = apiUrl.toString();
        String token = tokenUrl.toString();
        return token.startsWith(api + "/") ? token.substring(api.length()) : tokenUrl.getRawPath();
    }
}
