package dev.meshprov.http.api;

import dev.meshprov.http.metrics.Metrics;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every metric in the Prometheus text format. Outside the contract, like the probes. */
final class MetricsEndpoint {

    private final Metrics metrics;

    MetricsEndpoint(Metrics metrics) {
        this.metrics = metrics;
    }

    void serve(Context ctx) {
        ctx.status(200)
                .contentType(Metrics.CONTENT_TYPE)
                .result(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
