package dev.meshprov.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.TaskListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provisioner tells its {@link TaskListener} every state change and lets it wrap the work on the worker. */
class TaskListenerTest {

    private static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final TaskListener listener = new TaskListener() {
        @Override
        public void changed(Optional<TaskState> previous, Task task) {
            changes.add(previous.map(Enum::name).orElse("new") + " -> " + task.state() + " " + task.kind() + " "
                    + task.technology() + " context=" + CONTEXT.get());
        }

        @Override
        public Runnable onWorkerThread(Task task, Runnable work) {
            String captured = CONTEXT.get();
            return () -> {
                CONTEXT.set(captured + "@" + task.kind());
                try {
                    work.run();
                } finally {
                    CONTEXT.remove();
                }
            };
        }
    };
    private final Provisioner provisioner = Provisioner.builder()
            .routing(new RoutingTable(List.of(
                    new Route("scripted", Set.of("urn:dmb:itm:scripted-provisioner"), Set.of("urn:dmb:utm:scripted")))))
            .registration(
                    Registration.enabled(ScriptedTechnology.DESCRIPTOR, new ScriptedTechnology(), ExecutionMode.SYNC))
            .taskListener(listener)
            .build();

    @AfterEach
    void stop() {
        provisioner.shutdown(Duration.ofSeconds(5));
        CONTEXT.remove();
    }

    @Test
    void everyStateChangeIsToldOnceInOrderWithTheSubmittersContextOnTheWorker() {
        CONTEXT.set("request-1");

        provisioner.provision(Target.auto(), request("a", "{}"), CallOptions.defaults());
        provisioner.provision(Target.auto(), request("b", "{outcome: fail}"), CallOptions.defaults());

        assertThat(changes)
                .containsExactly(
                        "new -> WAITING PROVISION scripted context=request-1",
                        "WAITING -> RUNNING PROVISION scripted context=request-1@PROVISION",
                        "RUNNING -> COMPLETED PROVISION scripted context=request-1@PROVISION",
                        "new -> WAITING PROVISION scripted context=request-1",
                        "WAITING -> RUNNING PROVISION scripted context=request-1@PROVISION",
                        "RUNNING -> FAILED PROVISION scripted context=request-1@PROVISION");
    }

    @Test
    void aRejectedRequestCreatesNoTask() {
        provisioner.provision(Target.auto(), request("a", "{invalid: broken}"), CallOptions.defaults());

        assertThat(changes).isEmpty();
    }

    private static ProvisioningRequest request(String componentName, String specific) {
        return ProvisioningRequest.ofComponentDescriptor(ProvisionerTest.descriptor(componentName, specific), false);
    }
}
