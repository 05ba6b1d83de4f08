package dev.meshprov.cli.command;

import dev.meshprov.cli.input.InputException;
import dev.meshprov.cli.input.InputFiles;
import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that runs against a configured meshprov: reads its input files, then opens a {@link Session}. */
abstract class SessionCommand implements Callable<Integer> {

    protected final CliContext context;

    @Spec
    protected CommandSpec spec;

    SessionCommand(CliContext context) {
        this.context = context;
    }

    /** The options given to {@code meshprov} or to any of its commands. */
    protected GlobalOptions global() {
        return ((MeshprovCommand) spec.root().userObject()).global();
    }

    protected Session session() {
        return Session.of(context, global().config(), global().output());
    }

    /**
     * The content of a file named on the command line ({@code -} is stdin); a file that cannot be read is a usage
     * error naming it.
     */
    protected byte[] read(String file, String what) {
        try {
            return new InputFiles(context.workingDirectory(), context.stdin()).read(file, what);
        } catch (InputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
