package dev.meshprov.cli;

import dev.meshprov.cli.output.Printer;
import dev.meshprov.cli.runtime.ExitCode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.validation.Spelling;
import dev.meshprov.http.wire.ErrorJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be used (unknown command or option, missing FILE, bad value, unreadable file): a short
 * message, suggestions for a mistyped name, and where to find the usage, on stderr; with {@code --output json} also
 * a {@code RequestValidationError} on stdout, so that a script reading stdout gets a document whatever happens.
 * Exit 2.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    private static final String HEADLINE = "The command line cannot be used";

    /** Masks values of secret-looking keys ({@code --param password=...}); no configuration is known yet. */
    private final Redactor redactor = new Redactor();

    private final Printer printer;

    UsageErrorHandler(Printer printer) {
        this.printer = printer;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String help = "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.";
        Optional<String> unknownCommand = unknownCommand(e);
        String message = unknownCommand.orElseGet(e::getMessage);
        err.println("meshprov: " + redactor.redact(message));
        if (unknownCommand.isPresent()) {
            err.println("Commands: "
                    + String.join(", ", commandLine.getSubcommands().keySet()));
        } else {
            UnmatchedArgumentException.printSuggestions(e, err);
        }
        err.println(help);
        err.flush();
        if (wantsJson(args)) {
            printer.json(ErrorJson.requestValidationError(
                    HEADLINE,
                    Optional.empty(),
                    List.of(Problem.of("command line", message, help.replace("Try", "Run") + " (exit code 2)"))));
        }
        return ExitCode.USAGE;
    }

    /**
     * "'x' is not a meshprov command", with the command it probably means, when the first word after
     * {@code meshprov} names none of its commands; empty for any other mistake.
     */
    private static Optional<String> unknownCommand(ParameterException e) {
        CommandLine commandLine = e.getCommandLine();
        if (!(e instanceof UnmatchedArgumentException unmatched)
                || commandLine.getParent() != null
                || commandLine.getSubcommands().isEmpty()
                || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String word = unmatched.getUnmatched().get(0);
        if (word.startsWith("-")) {
            return Optional.empty();
        }
        return Optional.of("'" + word + "' is not a meshprov command"
                + Spelling.closest(
                                word,
                                new ArrayList<>(commandLine.getSubcommands().keySet()))
                        .map(name -> "; did you mean '" + name + "'?")
                        .orElse(""));
    }

    /** Whether the command line asks for JSON output, in any of the spellings picocli accepts. */
    static boolean wantsJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String lower = arg.toLowerCase(Locale.ROOT);
            if ((arg.equals("-o") || arg.equals("--output")) && i + 1 < args.length) {
                if (args[i + 1].equalsIgnoreCase("json")) {
                    return true;
                }
            } else if (lower.equals("--output=json") || lower.equals("-ojson") || lower.equals("-o=json")) {
                return true;
            }
        }
        return false;
    }
}
