package dev.meshprov.core.service;

import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.model.UpstreamOutage;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.model.ValidationStatus;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the use cases answer: problems and upstream failures as a {@link Submission}, and a stored {@link Task} as
 * the status its poller sees. Everything from upstream is redacted.
 */
final class Answers {

    private final Redactor redactor;

    Answers(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Invalid input is rejected with every problem; input that could not be checked is "could not check". */
    <R> Submission<R> refuse(Seq<Problem> problems) {
        ValidationResult result = ValidationResult.of(problems.asJava());
        if (result.isInvalid()) {
            return new Submission.Rejected<>(problems.asJava());
        }
        return new Submission.CouldNotCheck<>(redacted(result.outages()));
    }

    /** Reading the upstream state failed: an outage when it could not be read, else a system failure. */
    Submission<Plan> planFailure(UpstreamFailure failure) {
        UpstreamOutage outage = UpstreamOutage.of(failure);
        if (outage.kind() == UpstreamOutage.Kind.FAILED) {
            return new Submission.SystemFailure<>(redactor.redact(failure.describe()), List.of());
        }
        return new Submission.CouldNotCheck<>(redacted(List.of(outage)));
    }

    /** A validation task that found {@code found}; failed when checks it needed could not be made. */
    Task validated(Task task, List<Problem> found, Instant now) {
        Task validated = task.validated(now, found, List.of());
        ValidationResult result = ValidationResult.of(found);
        return result.couldNotCheck()
                ? validated.failed(now, redactor.redact(UpstreamOutage.describeAll(result.outages())), List.of())
                : validated;
    }

    /** All problems in one redacted line. */
    String describe(Seq<Problem> problems) {
        return redactor.redact(problems.map(Problem::describe).mkString("; "));
    }

    /** A validation task's status: with its result once completed, and when it failed because of its problems. */
    static ValidationStatus toValidationStatus(Task task) {
        boolean hasResult = task.state() == TaskState.COMPLETED
                || task.state() == TaskState.FAILED && !task.problems().isEmpty();
        return new ValidationStatus(
                task.state().toOperationState(),
                hasResult ? Optional.of(ValidationResult.of(task.problems())) : Optional.empty());
    }

    /** A provision, unprovision or update ACL task's status; its info only once completed. */
    static ProvisioningStatus toProvisioningStatus(Task task) {
        Optional<Info> info = task.state() == TaskState.COMPLETED ? task.info() : Optional.empty();
        return new ProvisioningStatus(task.state().toOperationState(), task.result(), info, task.logs());
    }

    /** A reverse provisioning task's status. */
    static ReverseProvisioningStatus toReverseStatus(Task task) {
        return new ReverseProvisioningStatus(task.state().toOperationState(), task.updates(), task.logs());
    }

    private List<UpstreamOutage> redacted(List<UpstreamOutage> outages) {
        return outages.stream().map(outage -> outage.redacted(redactor::redact)).toList();
    }
}
