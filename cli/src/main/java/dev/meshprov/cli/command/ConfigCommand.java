package dev.meshprov.cli.command;

import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code config}: commands about the configuration; without a subcommand it prints its usage (exit 2). */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Commands about the configuration.",
        subcommands = ConfigCheckCommand.class)
final class ConfigCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    ConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.stderr().println("meshprov config: a subcommand is required");
        spec.commandLine().usage(context.stderr());
        return ExitCode.USAGE;
    }
}
