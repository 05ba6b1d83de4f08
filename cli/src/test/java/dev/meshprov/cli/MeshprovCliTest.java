package dev.meshprov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.cli.runtime.CliContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which subcommands a command line gets: only the ones it names, else every one. */
class MeshprovCliTest {

    private static final String EVERY = "validate plan provision unprovision reverse serve config completion";

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "serve --port 0                     | serve",
                "--config meshprov.yaml validate -  | validate",
                "validate serve                     | validate serve",
                "config check                       | config",
                "''                                 | " + EVERY,
                "--help                             | " + EVERY,
                "validte x.yaml                     | " + EVERY,
                "completion                         | " + EVERY,
                "serve completion                   | " + EVERY
            })
    void aCommandLineGetsTheSubcommandsItNamesElseAll(String args, String subcommands) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        CliContext context =
                new CliContext(Map.of(), Path.of("."), InputStream.nullInputStream(), quiet, quiet, false, hook -> {});
        String[] words = args.isBlank() ? new String[0] : args.trim().split("\\s+");

        assertThat(MeshprovCli.commandLine(context, words).getSubcommands().keySet())
                .containsExactly(subcommands.trim().split("\\s+"));
    }
}
