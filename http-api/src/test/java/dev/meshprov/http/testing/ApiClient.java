package dev.meshprov.http.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Calls the server with the JDK {@link HttpClient} and checks every response it captures: against the contract
 * ({@link ContractValidator}) and for the canary secrets of the test configuration, which must never appear.
 */
public final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final List<String> canaries;
    private final String authorization;

    public ApiClient(int port, List<String> canaries) {
        this(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                URI.create("http://127.0.0.1:" + port),
                canaries,
                null);
    }

    private ApiClient(HttpClient http, URI base, List<String> canaries, String authorization) {
        this.http = http;
        this.base = base;
        this.canaries = List.copyOf(canaries);
        this.authorization = authorization;
    }

    /** A client of the same server that sends {@code Authorization: <value>} with every request. */
    public ApiClient withAuthorization(String value) {
        return new ApiClient(http, base, canaries, value);
    }

    /** The server's address, e.g. {@code http://127.0.0.1:8093}. */
    public URI base() {
        return base;
    }

    public ApiResponse post(String path, String body) {
        return send("POST", path, BodyPublishers.ofString(body));
    }

    public ApiResponse post(String path, JsonNode body) {
        return post(path, body.toString());
    }

    public ApiResponse get(String path) {
        return send("GET", path, BodyPublishers.noBody());
    }

    /** Sends any request and checks its response. */
    public ApiResponse send(String method, String path, BodyPublisher body) {
        return send(method, path, body, Map.of());
    }

    /** Sends any request with extra {@code headers} and checks its response. */
    public ApiResponse send(String method, String path, BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, body);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        HttpResponse<String> raw;
        try {
            raw = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Map<String, List<String>> received = new HashMap<>();
        raw.headers().map().forEach((name, values) -> received.put(name.toLowerCase(Locale.ROOT), values));
        ApiResponse response = new ApiResponse(
                raw.statusCode(), raw.headers().firstValue("Content-Type").orElse(null), raw.body(), received);
        ContractValidator.check(method, path, response);
        for (String canary : canaries) {
            assertThat(response.body())
                    .as("response of %s %s must not reveal a configured secret", method, path)
                    .doesNotContain(canary);
        }
        return response;
    }

    /** Polls a status path until the task is no longer RUNNING; every poll is checked like any response. */
    public ApiResponse pollUntilFinished(String statusPath) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ApiResponse response = get(statusPath);
            if (response.status() != 200
                    || !"RUNNING".equals(response.json().path("status").asText())) {
                return response;
            }
            pause();
        }
        return fail("%s still RUNNING after %s", statusPath, TIMEOUT);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
