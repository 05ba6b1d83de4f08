package dev.meshprov.http.metrics;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Times every upstream call attempt of one technology by system, operation (a path template, bounded) and outcome,
 * and counts the retries. The target (an id, a path with ids) is not a label: it has no bound.
 */
final class UpstreamMetrics implements UpstreamObserver {

    private final MeterTable<Timer> calls;
    private final MeterTable<Counter> retries;

    UpstreamMetrics(MeterRegistry registry, String technology) {
        this.calls = new MeterTable<>((system, operation, outcome) -> Timer.builder("meshprov.upstream.calls")
                .description("Upstream call attempts")
                .tags(tags(technology, system, operation, outcome))
                .serviceLevelObjectives(Metrics.LATENCY_BUCKETS)
                .register(registry));
        this.retries = new MeterTable<>((system, operation, outcome) -> Counter.builder("meshprov.upstream.retries")
                .description("Upstream call attempts that were retries")
                .tags(tags(technology, system, operation, outcome))
                .register(registry));
    }

    private static Tags tags(String technology, String system, String operation, String outcome) {
        return Tags.of("technology", technology, "system", system, "operation", operation, "outcome", outcome);
    }

    @Override
    public void completed(UpstreamCall call) {
        calls.get(call.system(), call.operation(), call.outcome()).record(call.duration());
        if (call.attempt() > 1) {
            retries.get(call.system(), call.operation(), call.outcome()).increment();
        }
    }
}
