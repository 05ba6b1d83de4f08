package dev.meshprov.http.bootstrap;

import dev.meshprov.core.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Section {@code server}.
 *
 * @param host the address to listen on (default {@code 0.0.0.0})
 * @param port the port (default 8093; 0 picks a free one)
 * @param maxBodyBytes the largest request body accepted, in bytes (default 5 MiB); larger ones get 413
 * @param auth bearer-token authentication of the contract endpoints (off by default)
 * @param maxThreads the most threads serving HTTP requests at once, Jetty's own included (default 16): more
 *     requests wait in the queue; a synchronous provisioning holds its thread while it calls upstream
 * @param basePath the path prefix under which clients reach meshprov through a reverse proxy, e.g.
 *     {@code /platform/meshprov} (default none): every endpoint is also served under it, and the Swagger UI's links
 *     carry it when the proxy strips it without sending {@code X-Forwarded-Prefix}
 */
public record ServerSettings(
        String host, Integer port, Long maxBodyBytes, AuthSettings auth, Integer maxThreads, String basePath) {

    /** What a base path (and an {@code X-Forwarded-Prefix}) may be: plain path segments, no trailing slash. */
    public static final Pattern PATH_PREFIX = Pattern.compile("(/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~-]+){1,16}");

    static final int DEFAULT_PORT = 8093;
    static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;
    static final int DEFAULT_MAX_THREADS = 16;
    /** Jetty needs a few threads of its own (acceptor, selectors, reserved) before it can serve a request. */
    static final int MIN_MAX_THREADS = 8;

    /** This section with every absent value defaulted. */
    public ServerSettings withDefaults() {
        return new ServerSettings(
                host == null ? "0.0.0.0" : host,
                port == null ? DEFAULT_PORT : port,
                maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes,
                auth == null ? AuthSettings.OFF : auth,
                maxThreads == null ? DEFAULT_MAX_THREADS : maxThreads,
                basePath == null || basePath.equals("/") ? null : strip(basePath));
    }

    /** The base path without trailing slash; {@code ""} when none is configured. */
    public String prefix() {
        return basePath == null ? "" : basePath;
    }

    private static String strip(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (port < 0 || port > 65535) {
            problems.add(
                    Problem.of("server.port", "is " + port + ", not a port number", "Use a port from 1 to 65535."));
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > Integer.MAX_VALUE) {
            problems.add(Problem.of(
                    "server.maxBodyBytes",
                    "is " + maxBodyBytes + " bytes",
                    "Use a size from 1024 to 2147483647 bytes; the default is " + DEFAULT_MAX_BODY_BYTES + "."));
        }
        if (host.isBlank()) {
            problems.add(Problem.of("server.host", "is blank", "Use an address such as 0.0.0.0 or 127.0.0.1."));
        }
        if (maxThreads < MIN_MAX_THREADS || maxThreads > 10_000) {
            problems.add(Problem.of(
                    "server.maxThreads",
                    "is " + maxThreads,
                    "Use from " + MIN_MAX_THREADS + " to 10000 threads; the default is " + DEFAULT_MAX_THREADS + "."));
        }
        if (!prefix().isEmpty() && !PATH_PREFIX.matcher(prefix()).matches()) {
            problems.add(Problem.of(
                    "server.basePath",
                    "is '" + basePath + "', which is not a path prefix",
                    "Write the prefix the reverse proxy publishes meshprov under, e.g. /platform/meshprov (letters,"
                            + " digits, '.', '_', '~' and '-' between slashes)."));
        }
        problems.addAll(auth.check());
        return problems;
    }
}
