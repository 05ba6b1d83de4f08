/**
 * Metrics in the Prometheus text format with Micrometer: HTTP requests by route template, method and status (with
 * latency histograms), tasks by state and technology, and upstream calls by system, operation and outcome with their
 * retries. {@link dev.meshprov.http.metrics.Metrics} is the entry point; it knows nothing of Javalin or of any
 * technology, and never labels a metric with a raw path, a token or anything else without a bound.
 */
package dev.meshprov.http.metrics;
