package dev.meshprov.http.bootstrap;

import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.TaskListener;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.RedactedThrowable;
import dev.meshprov.core.secret.Redactor;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans one upstream observer and one task listener out to several (logs, metrics, the embedder's own). One that
 * throws despite its contract is logged (its messages redacted) and skipped: observing never breaks an operation.
 */
final class Observers {

    private static final Logger LOG = LoggerFactory.getLogger(Observers.class);

    private Observers() {}

    static UpstreamObserver upstream(List<UpstreamObserver> observers, Redactor redactor) {
        List<UpstreamObserver> all = List.copyOf(observers);
        return call -> all.forEach(observer -> {
            try {
                observer.completed(call);
            } catch (RuntimeException e) {
                LOG.warn(
                        "an upstream observer failed on {} {}",
                        call.system(),
                        call.operation(),
                        RedactedThrowable.of(e, redactor));
            }
        });
    }

    static TaskListener tasks(List<TaskListener> listeners, Redactor redactor) {
        List<TaskListener> all = List.copyOf(listeners);
        return new TaskListener() {
            @Override
            public void changed(Optional<TaskState> previous, Task task) {
                all.forEach(listener -> {
                    try {
                        listener.changed(previous, task);
                    } catch (RuntimeException e) {
                        LOG.warn("a task listener failed on task {}", task.token(), RedactedThrowable.of(e, redactor));
                    }
                });
            }

            @Override
            public Runnable onWorkerThread(Task task, Runnable work) {
                Runnable wrapped = work;
                for (TaskListener listener : all) {
                    wrapped = listener.onWorkerThread(task, wrapped);
                }
                return wrapped;
            }
        };
    }
}
