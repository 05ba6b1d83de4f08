package dev.meshprov.http.metrics;

import dev.meshprov.core.port.TaskListener;
import dev.meshprov.core.port.UpstreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The metrics of one meshprov process, in one Prometheus registry:
 *
 * <ul>
 *   <li>{@code http_server_requests_seconds} — requests by {@code method}, {@code route} (the route template, e.g.
 *       {@code /v1/provision/{token}/status}; {@code unmatched} for unknown paths) and {@code status};
 *   <li>{@code meshprov_tasks_total} — tasks entering each {@code state}, by {@code technology} and {@code kind};
 *       {@code meshprov_tasks_active} — tasks waiting or running now, by {@code state} and {@code technology};
 *   <li>{@code meshprov_upstream_calls_seconds} — upstream call attempts by {@code technology}, {@code system},
 *       {@code operation} and {@code outcome} (the HTTP status, or {@code timeout}, {@code io-error}, ...);
 *       {@code meshprov_upstream_retries_total} — the attempts that were retries.
 * </ul>
 *
 * <p>No label takes a raw path, a token, a target or any other value without a bound.
 */
public final class Metrics {

    /** The content type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Latency buckets, from a quick answer to the longest synchronous provisioning. */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private final PrometheusMeterRegistry registry;
    private final TaskMetrics tasks;
    /** The request timers by method, route and status: a handful, looked up on every request. */
    private final MeterTable<Timer> requestTimers;

    private Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.tasks = new TaskMetrics(registry);
        this.requestTimers = new MeterTable<>((method, route, status) -> Timer.builder("http.server.requests")
                .description("HTTP requests served")
                .tag("method", method)
                .tag("route", route)
                .tag("status", status)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry));
    }

    /** A fresh registry; one per process (or per server in tests). */
    public static Metrics create() {
        return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** Counts every task state change. */
    public TaskListener taskListener() {
        return tasks;
    }

    /** Counts and times every upstream call attempt of {@code technology}. */
    public UpstreamObserver upstreamObserver(String technology) {
        return new UpstreamMetrics(registry, technology);
    }

    /** Records one HTTP request; {@code route} is the route template, never the raw path. */
    public void httpRequest(String method, String route, int status, Duration duration) {
        httpRequest(method, route, status, duration.toNanos());
    }

    /** Records one HTTP request that took {@code nanos}; {@code route} is the route template, never the raw path. */
    public void httpRequest(String method, String route, int status, long nanos) {
        requestTimers.get(method, route, StatusLabel.of(status)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Everything in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for embedders that add their own meters. */
    public MeterRegistry registry() {
        return registry;
    }
}
