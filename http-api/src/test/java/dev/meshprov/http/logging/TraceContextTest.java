package dev.meshprov.http.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** {@link TraceContext} carries the submitter's MDC onto the worker and leaves the worker as it found it. */
class TraceContextTest {

    private static final Task TASK =
            Task.waiting("token-7", TaskKind.PROVISION, "alpha", "c1", Instant.parse("2026-01-01T00:00:00Z"), "me");

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final TraceContext context = new TraceContext();

    @AfterEach
    void stop() throws InterruptedException {
        MDC.clear();
        worker.shutdown();
        assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theWorkRunsWithTheSubmittersTraceIdAndTheTaskToken() throws Exception {
        worker.submit(() -> MDC.put("worker", "own")).get();
        MDC.put(TraceId.MDC_KEY, "abc-123");

        Map<String, String> during = runOnWorker();

        assertThat(during).containsEntry(TraceId.MDC_KEY, "abc-123").containsEntry(TraceId.TASK_MDC_KEY, "token-7");
        assertThat(during).doesNotContainKey("worker");
        assertThat(worker.submit(MDC::getCopyOfContextMap).get())
                .as("the worker's own context, restored")
                .isEqualTo(Map.of("worker", "own"));
    }

    @Test
    void aTaskSubmittedWithoutATraceIdGetsANewOne() throws Exception {
        Map<String, String> during = runOnWorker();

        assertThat(during.get(TraceId.MDC_KEY)).matches("[0-9a-f-]{36}");
        assertThat(worker.submit(MDC::getCopyOfContextMap).get()).isNullOrEmpty();
    }

    /** Wraps work on this (the submitting) thread, runs it on the worker, and returns the MDC the work saw. */
    private Map<String, String> runOnWorker() throws Exception {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        worker.submit(context.onWorkerThread(TASK, () -> seen.set(new HashMap<>(MDC.getCopyOfContextMap()))))
                .get();
        return seen.get();
    }
}
