package dev.meshprov.cli.command;

import dev.meshprov.cli.output.OutputFormat;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes, before or after its name: {@code --config} and {@code --output}. */
public final class GlobalOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "The configuration file (default: $MESHPROV_CONFIG, else ./meshprov.yaml if it exists, else"
                    + " the embedded default).")
    private String config;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            scope = ScopeType.INHERIT,
            description = "text (for people, the default) or json (for scripts; the HTTP API's shapes).")
    private OutputFormat output = OutputFormat.TEXT;

    public Optional<String> config() {
        return Optional.ofNullable(config);
    }

    public OutputFormat output() {
        return output;
    }
}
