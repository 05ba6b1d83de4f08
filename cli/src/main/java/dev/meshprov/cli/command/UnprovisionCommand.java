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
import picocli.CommandLine.Option;

/** {@code unprovision FILE [--remove-data]}: removes what provision created and prints the status and logs. */
@Command(
        name = "unprovision",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Unprovisions a component in-process (synchronously) and prints the resulting status and logs.")
final class UnprovisionCommand extends DescriptorCommand {

    @Option(
            names = "--remove-data",
            description = "Also delete the component's data (overrides removeData of a request file when set).")
    private boolean removeData;

    UnprovisionCommand(CliContext context) {
        super(context);
    }

    @Override
    protected Action action() {
        return Action.UNPROVISION;
    }

    @Override
    protected boolean removeData() {
        return removeData;
    }

    @Override
    protected int run(Application application, Renderer renderer, ProvisioningRequest request, Progress progress) {
        Submission<ProvisioningStatus> status = progress.during(
                "unprovisioning", () -> application.provisioner().unprovision(Target.auto(), request, callOptions()));
        return Outcomes.report(
                renderer, action(), status, renderer::status, done -> done.state() == OperationState.COMPLETED);
    }
}
