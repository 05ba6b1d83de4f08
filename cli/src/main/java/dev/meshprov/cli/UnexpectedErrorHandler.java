package dev.meshprov.cli;

import dev.meshprov.cli.runtime.ExitCode;
import dev.meshprov.core.secret.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * A bug outside a session (a session reports its own with the application's redactor): one line on stderr, exit 1.
 */
final class UnexpectedErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private final Redactor redactor = new Redactor();

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("meshprov: failed unexpectedly (" + redactor.redact(e.toString()) + ")");
        commandLine.getErr().flush();
        return ExitCode.FAILED;
    }
}
