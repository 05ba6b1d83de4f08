package dev.meshprov.http.metrics;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every upstream call attempt of one technology by system, operation (a path template, bounded) and outcome,
 * and counts the retries. The target (an id, a path with ids) is not a label: it has no bound.
 */
final class UpstreamMetrics implements UpstreamObserver {

    private final MeterRegistry registry;
    private final String technology;

    UpstreamMetrics(MeterRegistry registry, String technology) {
        this.registry = registry;
        this.technology = technology;
    }

    @Override
    public void completed(UpstreamCall call) {
        Timer.builder("meshprov.upstream.calls")
                .description("Upstream call attempts")
                .tag("technology", technology)
                .tag("system", call.system())
                .tag("operation", call.operation())
                .tag("outcome", call.outcome())
                .serviceLevelObjectives(Metrics.LATENCY_BUCKETS)
                .register(registry)
                .record(call.duration());
        if (call.attempt() > 1) {
            Counter.builder("meshprov.upstream.retries")
                    .description("Upstream call attempts that were retries")
                    .tag("technology", technology)
                    .tag("system", call.system())
                    .tag("operation", call.operation())
                    .tag("outcome", call.outcome())
                    .register(registry)
                    .increment();
        }
    }
}
