package dev.meshprov.cli.command;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The subcommands of {@code meshprov}, in the order its usage lists them, added to the root command line on demand:
 * picocli reads each command's options by reflection, which costs a start (most of a tenth of a second for all of
 * them), so a command line naming a subcommand gets only the ones it names; any other (no subcommand, {@code
 * --help}, {@code completion}, which describes them all) gets every one.
 */
public final class Subcommands {

    private static final List<Class<?>> ALL = List.of(
            ValidateCommand.class,
            PlanCommand.class,
            ProvisionCommand.class,
            UnprovisionCommand.class,
            ReverseCommand.class,
            ServeCommand.class,
            ConfigCommand.class,
            CompletionCommand.class);

    private Subcommands() {}

    /** Adds to {@code root} the subcommands {@code args} name, or all of them when it names none. */
    public static void addTo(CommandLine root, String[] args) {
        Set<String> words = Arrays.stream(args).collect(Collectors.toSet());
        List<Class<?>> named = words.contains(name(CompletionCommand.class))
                ? List.of()
                : ALL.stream().filter(type -> words.contains(name(type))).toList();
        for (Class<?> type : named.isEmpty() ? ALL : named) {
            root.addSubcommand(name(type), new CommandLine(type, root.getFactory()));
        }
    }

    private static String name(Class<?> type) {
        return type.getAnnotation(Command.class).name();
    }
}
