package dev.meshprov.http.api;

import dev.meshprov.core.model.LogEntry;
import dev.meshprov.core.model.LogLevel;
import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.service.Submission;
import dev.meshprov.http.wire.StatusJson;
import io.javalin.http.Context;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps the facade's {@link Submission}s to responses, in one place: rejected → 400, could not check and system
 * failure → 500, done → 200 (or 500 when a sync operation failed upstream), accepted → 202 with the token.
 */
final class Outcomes {

    private final Responder responder;

    Outcomes(Responder responder) {
        this.responder = responder;
    }

    /** Provision, unprovision, updateacl: 200 status, 500 when it failed, or 202 with the bare token as text. */
    void provisioning(Context ctx, Action action, Submission<ProvisioningStatus> submission) {
        if (submission instanceof Submission.Done<ProvisioningStatus> done) {
            ProvisioningStatus status = done.value();
            if (status.state() == OperationState.FAILED) {
                responder.failed(ctx, action, reason(status.result(), status.logs(), action), List.of());
            } else {
                responder.json(ctx, 200, StatusJson.provisioningStatus(status));
            }
        } else if (submission instanceof Submission.Accepted<ProvisioningStatus> accepted) {
            responder.text(ctx, 202, accepted.token());
        } else {
            refused(ctx, action, submission);
        }
    }

    /** Reverse provisioning: 200 status, 500 when it failed, or 202 with the bare token as text. */
    void reverse(Context ctx, Submission<ReverseProvisioningStatus> submission) {
        if (submission instanceof Submission.Done<ReverseProvisioningStatus> done) {
            ReverseProvisioningStatus status = done.value();
            if (status.state() == OperationState.FAILED) {
                responder.failed(ctx, Action.REVERSE, reason("", status.logs(), Action.REVERSE), List.of());
            } else {
                responder.json(ctx, 200, StatusJson.reverseStatus(status));
            }
        } else if (submission instanceof Submission.Accepted<ReverseProvisioningStatus> accepted) {
            responder.text(ctx, 202, accepted.token());
        } else {
            refused(ctx, Action.REVERSE, submission);
        }
    }

    /** Asynchronous validation: 202 with the token as a JSON string. */
    void validation(Context ctx, Submission<ValidationResult> submission) {
        if (submission instanceof Submission.Done<ValidationResult> done) {
            responder.json(ctx, 200, StatusJson.validationResult(done.value()));
        } else if (submission instanceof Submission.Accepted<ValidationResult> accepted) {
            responder.jsonString(ctx, 202, accepted.token());
        } else {
            refused(ctx, Action.VALIDATE, submission);
        }
    }

    private void refused(Context ctx, Action action, Submission<?> submission) {
        if (submission instanceof Submission.Rejected<?> rejected) {
            responder.invalid(ctx, action, rejected.problems());
        } else if (submission instanceof Submission.CouldNotCheck<?> notChecked) {
            responder.couldNotCheck(ctx, action, notChecked.outages());
        } else if (submission instanceof Submission.SystemFailure<?> failure) {
            responder.failed(ctx, action, failure.message(), failure.problems());
        } else {
            throw new IllegalStateException(
                    "unexpected submission " + submission.getClass().getSimpleName());
        }
    }

    /** Why an operation failed: its result line, else its error log entries. */
    private static String reason(String result, List<LogEntry> logs, Action action) {
        if (!result.isBlank()) {
            return result;
        }
        String errors = logs.stream()
                .filter(entry -> entry.level() == LogLevel.ERROR)
                .map(LogEntry::message)
                .collect(Collectors.joining("; "));
        return errors.isBlank() ? action.failed() + " without a reason recorded" : errors;
    }
}
