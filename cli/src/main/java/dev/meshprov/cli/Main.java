package dev.meshprov.cli;

import dev.meshprov.cli.runtime.CliContext;

/** The entry point of {@code meshprov.jar}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, CliContext.system()));
    }

    /** Runs one command line in {@code context} and returns its exit code (see docs/cli.md). */
    public static int run(String[] args, CliContext context) {
        return MeshprovCli.commandLine(context, args).execute(args);
    }
}
