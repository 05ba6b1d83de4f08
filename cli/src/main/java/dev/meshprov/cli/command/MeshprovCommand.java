package dev.meshprov.cli.command;

import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code meshprov}: the top-level command; without a subcommand it prints its usage (exit 2). Its subcommands are
 * added by {@link Subcommands}.
 */
@Command(
        name = "meshprov",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validates, plans, provisions and unprovisions Witboost data-product components (Airbyte, CDE,"
                + " Airflow/MWAA) in-process, and serves the Specific Provisioner API.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done: valid, provisioned, planned",
            "  1  invalid (every problem is printed) or failed (the reason is printed)",
            "  2  usage or configuration error",
            "  3  could not check: an upstream system is unavailable or not authorised (the call is printed);",
            "     the descriptor was not found invalid and nothing was changed: run again later",
            "",
            "Documentation: docs/cli.md"
        })
public final class MeshprovCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private GlobalOptions global;

    @Spec
    private CommandSpec spec;

    public MeshprovCommand(CliContext context) {
        this.context = context;
    }

    GlobalOptions global() {
        return global;
    }

    @Override
    public Integer call() {
        context.stderr().println("meshprov: a command is required");
        spec.commandLine().usage(context.stderr());
        return ExitCode.USAGE;
    }
}
