package dev.meshprov.http.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A reverse proxy on loopback that publishes a server under a path prefix, as an ingress does: a request for
 * {@code <prefix>/x} is forwarded to {@code <upstream>/x} (the prefix stripped), optionally telling the server with
 * {@code X-Forwarded-Prefix}; any other path is 404. Method, body, content type and status pass through.
 */
public final class PrefixProxy implements AutoCloseable {

    private static final Set<String> PASSED_HEADERS = Set.of("content-type", "cache-control", "location");

    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String prefix;
    private final URI upstream;
    private final Optional<String> forwardedPrefix;

    private PrefixProxy(String prefix, URI upstream, Optional<String> forwardedPrefix) {
        this.prefix = prefix;
        this.upstream = upstream;
        this.forwardedPrefix = forwardedPrefix;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.start();
    }

    /** Publishes {@code upstream} under {@code prefix}, sending {@code X-Forwarded-Prefix: <prefix>}. */
    public static PrefixProxy announcing(String prefix, URI upstream) {
        return new PrefixProxy(prefix, upstream, Optional.of(prefix));
    }

    /** Publishes {@code upstream} under {@code prefix} without telling it (it must be configured to know). */
    public static PrefixProxy silent(String prefix, URI upstream) {
        return new PrefixProxy(prefix, upstream, Optional.empty());
    }

    /** Where a path of the server is published, e.g. {@code http://127.0.0.1:<port><prefix>/docs}. */
    public URI published(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix + path);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!path.startsWith(prefix + "/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            URI target = URI.create(upstream + path.substring(prefix.length()) + (query == null ? "" : "?" + query));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .ifPresent(type -> request.header("Content-Type", type));
            forwardedPrefix.ifPresent(value -> request.header("X-Forwarded-Prefix", value));
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (PASSED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] content = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), content.length == 0 ? -1 : content.length);
            if (content.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
