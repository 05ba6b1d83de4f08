package dev.meshprov.core.service;

import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Clock;
import java.util.Map;

/**
 * The reverse provisioning use case: selects the technology by the use case template, imports the upstream entity
 * as catalog-info updates, sync or as a task.
 */
final class ReverseProvisioning {

    private final TechnologyRegistry registry;
    private final TaskRunner runner;
    private final Answers answers;
    private final Clock clock;
    private final Redactor redactor;

    ReverseProvisioning(
            TechnologyRegistry registry, TaskRunner runner, Answers answers, Clock clock, Redactor redactor) {
        this.registry = registry;
        this.runner = runner;
        this.answers = answers;
        this.clock = clock;
        this.redactor = redactor;
    }

    Submission<ReverseProvisioningStatus> reverse(
            Target target, ReverseProvisioningRequest request, CallOptions options) {
        Validation<Seq<Problem>, Registration> selected =
                registry.selectForUseCase(target, request.useCaseTemplateId());
        if (selected.isInvalid()) {
            return answers.refuse(selected.getError());
        }
        Registration registration = selected.get();
        Technology<?> technology = registration.technology().orElseThrow();
        String context = "reverse " + request.useCaseTemplateId() + " (" + registration.name() + ")";
        if (options.mode().orElse(registration.mode()) == ExecutionMode.SYNC) {
            return reverseNow(technology, request, context);
        }
        Task task = runner.newTask(TaskKind.REVERSE, registration.name(), "");
        return runner.startUnordered(task, () -> {
            RecordingOperationLog log = log(context + " task " + task.token());
            Validation<Seq<Problem>, ReverseProvisioningResult> result = technology.reverse(request, log);
            if (result.isValid()) {
                return task.reversed(clock.instant(), result.get().updates(), log.entries());
            }
            result.getError().forEach(problem -> log.error("reverse", problem.describeWithFix()));
            return task.failed(clock.instant(), answers.describe(result.getError()), log.entries());
        });
    }

    /** Sync: invalid input is rejected; an upstream failure is a failed status with the log. */
    private Submission<ReverseProvisioningStatus> reverseNow(
            Technology<?> technology, ReverseProvisioningRequest request, String context) {
        RecordingOperationLog log = log(context);
        Validation<Seq<Problem>, ReverseProvisioningResult> result = technology.reverse(request, log);
        if (result.isValid()) {
            return new Submission.Done<>(new ReverseProvisioningStatus(
                    OperationState.COMPLETED, result.get().updates(), log.entries()));
        }
        if (result.getError().exists(problem -> !problem.isUpstream())) {
            return new Submission.Rejected<>(result.getError().asJava());
        }
        result.getError().forEach(problem -> log.error("reverse", problem.describe()));
        return new Submission.Done<>(new ReverseProvisioningStatus(OperationState.FAILED, Map.of(), log.entries()));
    }

    private RecordingOperationLog log(String context) {
        return new RecordingOperationLog(clock, redactor, context, entries -> {});
    }
}
