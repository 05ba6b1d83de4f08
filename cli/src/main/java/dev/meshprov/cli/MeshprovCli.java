package dev.meshprov.cli;

import dev.meshprov.cli.command.MeshprovCommand;
import dev.meshprov.cli.command.Subcommands;
import dev.meshprov.cli.output.Printer;
import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.core.secret.Redactor;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Builds the picocli command line: every command gets the {@link CliContext}, errors map to the exit codes. The
 * settings are applied after the subcommands are added, so that they reach every one.
 */
final class MeshprovCli {

    private MeshprovCli() {}

    /** The command line for {@code args}: the root command with the subcommands {@code args} needs. */
    static CommandLine commandLine(CliContext context, String[] args) {
        CommandLine commandLine = new CommandLine(MeshprovCommand.class, new ContextFactory(context));
        Subcommands.addTo(commandLine, args);
        commandLine.setOut(new PrintWriter(context.stdout(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(context.stderr(), true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(
                new UsageErrorHandler(new Printer(context.stdout(), context.stderr(), new Redactor())));
        commandLine.setExecutionExceptionHandler(new UnexpectedErrorHandler());
        return commandLine;
    }

    /** Creates commands and mixins with a constructor taking the {@link CliContext}, else as picocli would. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext context;

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<K> withContext;
            try {
                withContext = type.getDeclaredConstructor(CliContext.class);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
            withContext.setAccessible(true);
            try {
                return withContext.newInstance(context);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
