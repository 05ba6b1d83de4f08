/**
 * Logging of the server: the correlation id ({@link dev.meshprov.http.logging.TraceId}) in the SLF4J MDC, carried
 * onto the task's worker thread ({@link dev.meshprov.http.logging.TraceContext}); the upstream call log
 * ({@link dev.meshprov.http.logging.UpstreamLog}: method, target, outcome, duration, never a body); and, for
 * processes that use logback, one JSON object per line ({@link dev.meshprov.http.logging.JsonLineEncoder}) set up
 * from the {@code logging} settings by {@link dev.meshprov.http.logging.LoggingSetup}. Only those last two touch
 * logback (an optional dependency); everything else speaks SLF4J.
 */
package dev.meshprov.http.logging;
