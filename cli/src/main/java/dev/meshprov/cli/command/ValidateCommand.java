package dev.meshprov.cli.command;

import dev.meshprov.cli.output.Action;
import dev.meshprov.cli.output.Renderer;
import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.ExitCode;
import dev.meshprov.cli.runtime.Progress;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.service.Target;
import dev.meshprov.http.bootstrap.Application;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code validate FILE}: every problem of the request, the descriptor and the technology's rules. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validates a component: exit 0 when valid, 1 with every problem (field path and fix), 3 when"
                + " an upstream system needed for its checks is unavailable or refuses meshprov's credentials.")
final class ValidateCommand extends DescriptorCommand {

    ValidateCommand(CliContext context) {
        super(context);
    }

    @Override
    protected Action action() {
        return Action.VALIDATE;
    }

    @Override
    protected int run(Application application, Renderer renderer, ProvisioningRequest request, Progress progress) {
        return report(renderer, application.provisioner().validate(Target.auto(), request, callOptions()));
    }

    @Override
    protected int invalidInput(Renderer renderer, List<Problem> problems) {
        return report(renderer, ValidationResult.invalid(problems));
    }

    private static int report(Renderer renderer, ValidationResult result) {
        renderer.validation(result);
        if (result.isValid()) {
            return ExitCode.OK;
        }
        return result.couldNotCheck() ? ExitCode.COULD_NOT_CHECK : ExitCode.FAILED;
    }
}
