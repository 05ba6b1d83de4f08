package dev.meshprov.core.service;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.model.UpdateAclRequest;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ComponentLock;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.lang.System.Logger;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The mutating operations on a component (provision, unprovision, update ACL) once their request is resolved: each
 * runs as a task after every earlier one on its component, under the component's {@link ComponentLock}, with an
 * operation log that saves each entry into the task, and ends completed or failed with a redacted reason.
 */
final class ComponentOperations {

    private static final Logger LOG = System.getLogger("dev.meshprov.provisioner");

    private final RequestResolver resolver;
    private final TaskRunner runner;
    private final Answers answers;
    private final ComponentLock locks;
    private final Clock clock;
    private final Redactor redactor;

    ComponentOperations(
            RequestResolver resolver,
            TaskRunner runner,
            Answers answers,
            ComponentLock locks,
            Clock clock,
            Redactor redactor) {
        this.resolver = resolver;
        this.runner = runner;
        this.answers = answers;
        this.locks = locks;
        this.clock = clock;
        this.redactor = redactor;
    }

    /** Provisions or unprovisions ({@code kind}) the component of {@code request}. */
    Submission<ProvisioningStatus> submit(
            TaskKind kind, Target target, ProvisioningRequest request, CallOptions options) {
        Operation operation = kind == TaskKind.PROVISION ? Operation.PROVISION : Operation.UNPROVISION;
        return submit(kind, resolver.resolve(target, request, options, operation), options, List.of());
    }

    /** Grants access to exactly {@code request.refs()} on the component of {@code provisionInfo.request}. */
    Submission<ProvisioningStatus> updateAcl(Target target, UpdateAclRequest request, CallOptions options) {
        return submit(TaskKind.UPDATE_ACL, resolver.resolve(target, request), options, request.refs());
    }

    /**
     * Runs {@code kind} on a valid request after every earlier operation on its component: as a task to poll (async),
     * or waited for (sync); an invalid request is refused.
     */
    private Submission<ProvisioningStatus> submit(
            TaskKind kind, Validation<Seq<Problem>, Resolved<?>> resolved, CallOptions options, List<String> refs) {
        if (resolved.isInvalid()) {
            return answers.refuse(resolved.getError());
        }
        Resolved<?> target = resolved.get();
        Task task = runner.newTask(kind, target.registration().name(), target.componentId());
        boolean async = options.mode().orElse(target.registration().mode()) == ExecutionMode.ASYNC;
        return runner.submit(
                task,
                Optional.of(target.componentId()),
                async,
                progress -> run(progress, target, refs),
                Answers::toProvisioningStatus);
    }

    private Task run(TaskRunner.Progress progress, Resolved<?> target, List<String> refs) {
        Task waiting = progress.current();
        String context = waiting.kind().name().toLowerCase(Locale.ROOT) + " " + waiting.componentId() + " ("
                + waiting.technology() + ", task " + waiting.token() + ")";
        RecordingOperationLog log = new RecordingOperationLog(
                clock,
                redactor,
                context,
                entries -> progress.save(progress.current().running(clock.instant(), entries)));
        try (ComponentLock.Lease lease = locks.acquire(waiting.componentId())) {
            progress.save(waiting.running(clock.instant(), List.of()));
            log.info("start", describeStart(waiting));
            Either<UpstreamFailure, ProvisionResult> outcome = target.perform(waiting.kind(), refs, log);
            if (outcome.isRight()) {
                String message = redactor.redact(outcome.get().message());
                return progress.current()
                        .completed(clock.instant(), message, outcome.get().info(), log.entries());
            }
            String reason = redactor.redact(outcome.getLeft().describe());
            log.error("failed", reason);
            return progress.current().failed(clock.instant(), reason, log.entries());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return progress.current().failed(clock.instant(), TaskRunner.STOPPED, log.entries());
        } catch (RuntimeException e) {
            LOG.log(Logger.Level.ERROR, "internal error in " + context, e);
            String reason = "Internal error in meshprov (" + e.getClass().getSimpleName() + ": "
                    + redactor.redact(String.valueOf(e.getMessage())) + "); the server log has the details of task "
                    + waiting.token();
            log.error("failed", reason);
            return progress.current().failed(clock.instant(), reason, log.entries());
        }
    }

    private static String describeStart(Task task) {
        String what =
                switch (task.kind()) {
                    case PROVISION -> "Provisioning";
                    case UNPROVISION -> "Unprovisioning";
                    case UPDATE_ACL -> "Updating access to";
                    default -> task.kind().name();
                };
        return what + " " + task.componentId() + " with the " + task.technology() + " technology";
    }
}
