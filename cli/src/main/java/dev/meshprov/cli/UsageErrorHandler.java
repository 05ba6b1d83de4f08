package dev.meshprov.cli;

import dev.meshprov.cli.runtime.ExitCode;
import dev.meshprov.core.secret.Redactor;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be used (unknown option, missing FILE, bad value, unreadable file): a short message,
 * suggestions for a mistyped name, and where to find the usage; exit 2.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    /** Masks values of secret-looking keys ({@code --param password=...}); no configuration is known yet. */
    private final Redactor redactor = new Redactor();

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("meshprov: " + redactor.redact(e.getMessage()));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE;
    }
}
