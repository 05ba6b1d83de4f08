package dev.meshprov.http.api;

import dev.meshprov.http.logging.TraceId;
import io.javalin.http.Context;
import org.slf4j.MDC;

/**
 * Gives every request its correlation id before any handler runs: the caller's {@code traceId} header when safe,
 * else a new id; echoed in the {@code traceId} response header and put in the MDC for every log line of the request
 * (and, through {@link dev.meshprov.http.logging.TraceContext}, of the tasks it starts). {@link RequestLog} removes
 * it when the request is done.
 */
final class RequestTracing {

    private RequestTracing() {}

    static void begin(Context ctx) {
        String traceId = TraceId.accept(ctx.header(TraceId.HEADER));
        MDC.put(TraceId.MDC_KEY, traceId);
        ctx.header(TraceId.HEADER, traceId);
    }

    static void end() {
        MDC.remove(TraceId.MDC_KEY);
    }
}
