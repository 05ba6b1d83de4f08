package dev.meshprov.http.api;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per request: method, path, status and duration; health probes at debug level. */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.meshprov.http.access");

    private RequestLog() {}

    static void log(Context ctx, Float millis) {
        if (ctx.path().startsWith("/health/")) {
            LOG.debug("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis));
        } else {
            LOG.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis));
        }
    }
}
