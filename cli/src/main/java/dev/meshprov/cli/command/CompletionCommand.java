package dev.meshprov.cli.command;

import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code completion}: the bash/zsh completion script of every command and option. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the bash and zsh completion script of every command and option.",
            "Install it with 'source <(meshprov completion)' (this shell) or"
                    + " 'meshprov completion > /etc/bash_completion.d/meshprov';"
                    + " zsh needs 'autoload -U +X bashcompinit && bashcompinit' first."
        })
final class CompletionCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    CompletionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.stdout().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        context.stdout().flush();
        return ExitCode.OK;
    }
}
