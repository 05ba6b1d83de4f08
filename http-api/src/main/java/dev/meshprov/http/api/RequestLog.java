package dev.meshprov.http.api;

import dev.meshprov.http.metrics.Metrics;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a request is done: one log line (method, path, status, duration; health probes and metric scrapes at debug
 * level), the request counted in the metrics under its route template, and the correlation id taken off the thread.
 */
final class RequestLog {

    /** The route label of requests that matched no route (unknown paths, wrong methods). */
    static final String UNMATCHED = "unmatched";

    private static final Logger LOG = LoggerFactory.getLogger("dev.meshprov.http.access");

    private final Metrics metrics;

    RequestLog(Metrics metrics) {
        this.metrics = metrics;
    }

    void log(Context ctx, Float millis) {
        try {
            long rounded = Math.round(millis);
            String path = ctx.path();
            // the level is checked first: the arguments (an array, a boxed status) are built only for a line written
            if (path.startsWith("/health/") || path.equals("/metrics")) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} {} {}ms", ctx.method(), path, ctx.statusCode(), rounded);
                }
            } else if (LOG.isInfoEnabled()) {
                LOG.info("{} {} {} {}ms", ctx.method(), path, ctx.statusCode(), rounded);
            }
            metrics.httpRequest(ctx.method().name(), route(ctx), ctx.statusCode(), (long) (millis * 1_000_000));
        } finally {
            RequestTracing.end();
        }
    }

    private static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? UNMATCHED : matched.path;
    }
}
