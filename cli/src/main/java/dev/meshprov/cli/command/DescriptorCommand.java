package dev.meshprov.cli.command;

import dev.meshprov.cli.input.RequestInput;
import dev.meshprov.cli.output.Action;
import dev.meshprov.cli.output.Renderer;
import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.ExitCode;
import dev.meshprov.cli.runtime.Progress;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.service.CallOptions;
import dev.meshprov.http.bootstrap.Application;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * validate, plan, provision, unprovision: read FILE into a request, then run in-process and synchronously, whatever
 * the technology's configured mode, on the component FILE or {@code --component} names.
 */
abstract class DescriptorCommand extends SessionCommand {

    @Mixin
    private DescriptorArguments arguments;

    DescriptorCommand(CliContext context) {
        super(context);
    }

    /** What the command does, for its messages. */
    protected abstract Action action();

    /** Runs on a request that could be read; returns the exit code. */
    protected abstract int run(
            Application application, Renderer renderer, ProvisioningRequest request, Progress progress);

    /** Whether the data is to be removed too (unprovision). */
    protected boolean removeData() {
        return false;
    }

    /** Reports input that is not a request: every problem, exit 1. */
    protected int invalidInput(Renderer renderer, List<Problem> problems) {
        renderer.rejected(action(), problems);
        return ExitCode.FAILED;
    }

    @Override
    public final Integer call() {
        byte[] content = read(arguments.file(), "FILE");
        Validation<Seq<Problem>, ProvisioningRequest> request =
                RequestInput.read(arguments.file(), content, removeData());
        Progress progress = Progress.of(context.terminal(), context.stderr());
        return session()
                .withObserver(progress)
                .run((application, renderer) -> request.isValid()
                        ? run(application, renderer, request.get(), progress)
                        : invalidInput(renderer, request.getError().asJava()));
    }

    protected CallOptions callOptions() {
        return CallOptions.sync().withComponent(arguments.component());
    }
}
