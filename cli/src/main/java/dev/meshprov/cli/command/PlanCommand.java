package dev.meshprov.cli.command;

import dev.meshprov.cli.output.Action;
import dev.meshprov.cli.output.Renderer;
import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.Progress;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.service.Submission;
import dev.meshprov.core.service.Target;
import dev.meshprov.http.bootstrap.Application;
import picocli.CommandLine.Command;

/** {@code plan FILE}: what provisioning would do, per upstream entity, without changing anything. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Shows what provision would do (create, update, replace, unchanged, delete per upstream"
                + " entity) without changing anything.")
final class PlanCommand extends DescriptorCommand {

    PlanCommand(CliContext context) {
        super(context);
    }

    @Override
    protected Action action() {
        return Action.PLAN;
    }

    @Override
    protected int run(Application application, Renderer renderer, ProvisioningRequest request, Progress progress) {
        Submission<Plan> plan = progress.during(
                "planning", () -> application.provisioner().plan(Target.auto(), request, callOptions()));
        return Outcomes.report(renderer, action(), plan, renderer::plan, done -> true);
    }
}
