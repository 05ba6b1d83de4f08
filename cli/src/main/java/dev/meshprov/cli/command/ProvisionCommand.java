package dev.meshprov.cli.command;

import dev.meshprov.cli.output.Action;
import dev.meshprov.cli.output.Renderer;
import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.Progress;
import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.service.Submission;
import dev.meshprov.core.service.Target;
import dev.meshprov.http.bootstrap.Application;
import picocli.CommandLine.Command;

/** {@code provision FILE}: provisions the component in-process and prints the status, info and logs. */
@Command(
        name = "provision",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Provisions a component in-process (synchronously, whatever the technology's mode) and prints"
                + " the resulting status, info and logs.")
final class ProvisionCommand extends DescriptorCommand {

    ProvisionCommand(CliContext context) {
        super(context);
    }

    @Override
    protected Action action() {
        return Action.PROVISION;
    }

    @Override
    protected int run(Application application, Renderer renderer, ProvisioningRequest request, Progress progress) {
        Submission<ProvisioningStatus> status = progress.during(
                "provisioning", () -> application.provisioner().provision(Target.auto(), request, callOptions()));
        return Outcomes.report(
                renderer, action(), status, renderer::status, done -> done.state() == OperationState.COMPLETED);
    }
}
