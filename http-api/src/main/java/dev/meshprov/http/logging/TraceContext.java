package dev.meshprov.http.logging;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.TaskListener;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Carries the submitting thread's MDC (the request's correlation id) onto the worker thread that runs a task, adds
 * the task's token as {@link TraceId#TASK_MDC_KEY}, and restores the worker's own MDC afterwards. A task submitted
 * without a correlation id (e.g. from embedding code) gets a new one, so its log lines still belong together.
 */
public final class TraceContext implements TaskListener {

    @Override
    public void changed(Optional<TaskState> previous, Task task) {
        // the context is carried by onWorkerThread; state changes need nothing here
    }

    @Override
    public Runnable onWorkerThread(Task task, Runnable work) {
        Map<String, String> submitter = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> own = MDC.getCopyOfContextMap();
            if (submitter == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(submitter);
            }
            if (MDC.get(TraceId.MDC_KEY) == null) {
                MDC.put(TraceId.MDC_KEY, TraceId.generate());
            }
            MDC.put(TraceId.TASK_MDC_KEY, task.token());
            try {
                work.run();
            } finally {
                if (own == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(own);
                }
            }
        };
    }
}
