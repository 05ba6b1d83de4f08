package dev.meshprov.cli.output;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.UpstreamOutage;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.port.Plan;
import dev.meshprov.http.wire.ErrorJson;
import dev.meshprov.http.wire.StatusJson;
import java.util.List;
import java.util.Optional;

/**
 * JSON for scripts: the HTTP API's shapes ({@code ValidationResult}, {@code ProvisioningStatus},
 * {@code ReverseProvisioningStatus}, {@code RequestValidationError}, {@code SystemError}) plus the plan and the
 * configuration report (docs/cli.md). One document per run, on stdout.
 */
final class JsonRenderer implements Renderer {

    private final Printer printer;

    JsonRenderer(Printer printer) {
        this.printer = printer;
    }

    @Override
    public void validation(ValidationResult result) {
        if (result.couldNotCheck()) {
            couldNotCheck(Action.VALIDATE, result.outages());
        } else {
            printer.json(StatusJson.validationResult(result));
        }
    }

    @Override
    public void rejected(Action action, List<Problem> problems) {
        printer.json(ErrorJson.requestValidationError(action.rejected(), Optional.empty(), problems));
    }

    @Override
    public void couldNotCheck(Action action, List<UpstreamOutage> outages) {
        printer.json(ErrorJson.couldNotCheck(action.failed(), Optional.empty(), outages));
    }

    @Override
    public void failed(Action action, String error, List<Problem> problems) {
        printer.json(ErrorJson.systemError(action.failed(), error, Optional.empty(), problems));
    }

    @Override
    public void status(ProvisioningStatus status) {
        printer.json(StatusJson.provisioningStatus(status));
    }

    @Override
    public void plan(Plan plan) {
        printer.json(PlanJson.plan(plan));
    }

    @Override
    public void reverse(ReverseProvisioningStatus status) {
        printer.json(StatusJson.reverseStatus(status));
    }

    @Override
    public void configuration(ConfigReport report) {
        printer.json(ConfigJson.report(report));
    }

    @Override
    public void configurationError(ConfigReport report) {
        configuration(report);
    }
}
