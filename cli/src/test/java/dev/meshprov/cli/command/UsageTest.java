package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, version, completion, and command lines that cannot be used (exit 2). */
class UsageTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "meshprov {0} --help")
    @ValueSource(
            strings = {
                "validate",
                "plan",
                "provision",
                "unprovision",
                "reverse",
                "serve",
                "config",
                "config check",
                "completion"
            })
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").split(" ");

        CliRun run = Cli.in(directory).run(args);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).startsWith("Usage: meshprov " + command + " ").contains("-h, --help");
        assertThat(run.stdout()).as("the global options are everywhere").contains("--config=FILE", "--output");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void theTopLevelHelpListsTheCommandsAndTheExitCodes() {
        CliRun run = Cli.in(directory).run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .contains("validate", "plan", "provision", "unprovision", "reverse", "serve", "config", "completion")
                .contains("Exit codes:", "  2  usage or configuration error");
    }

    @Test
    void versionIsTheProjectVersion() {
        CliRun run = Cli.in(directory).run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).matches("meshprov \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\nJava .*\\n");
    }

    @Test
    void completionIsABashScriptOfEveryCommand() {
        CliRun run = Cli.in(directory).run("completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_meshprov")
                .contains("validate", "plan", "provision", "unprovision", "reverse", "serve", "config", "completion")
                .contains("--component", "--remove-data", "--use-case-template-id");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithAHint() {
        CliRun run = Cli.in(directory).run("validate", "mwaa-component.yaml", "--componnet", "x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr())
                .startsWith("meshprov: Unknown options: '--componnet', 'x'\n")
                .contains("Possible solutions: --component")
                .endsWith("Try 'meshprov validate --help' for more information.\n");
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithASuggestion() {
        CliRun run = Cli.in(directory).run("provison", "mwaa-component.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr())
                .startsWith("meshprov: 'provison' is not a meshprov command; did you mean 'provision'?\n")
                .contains("Commands: validate, plan, provision, unprovision, reverse, serve, config, completion")
                .doesNotContain("Unmatched argument");
    }

    @Test
    void anUnknownCommandSaysSoAndListsTheCommands() {
        CliRun run = Cli.in(directory).run("frobnicate", "mwaa-component.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr())
                .startsWith("meshprov: 'frobnicate' is not a meshprov command\n")
                .contains("Commands: validate, plan, provision, unprovision, reverse, serve, config, completion")
                .endsWith("Try 'meshprov --help' for more information.\n")
                .doesNotContain("Unmatched argument");
    }

    @Test
    void withJsonOutputAUsageErrorIsAlsoAJsonErrorOnStdout() {
        Cli cli = Cli.in(directory);

        for (CliRun run : new CliRun[] {
            cli.run("-o", "json", "frobnicate"),
            cli.run("validate", "--output=json"),
            cli.run("validate", "absent.yaml", "--output", "JSON"),
            cli.run("validate", "mwaa-component.yaml", "-o", "json", "--componnet", "x")
        }) {
            assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
            JsonNode error = run.json();
            assertThat(error.path("userMessage").asText())
                    .as(run.describe())
                    .startsWith("The command line cannot be used: ");
            assertThat(error.path("errors")).hasSize(1);
            assertThat(error.path("moreInfo").path("solutions").path(0).asText())
                    .contains("--help");
            assertThat(run.stderr()).startsWith("meshprov: ");
        }
    }

    @Test
    void aMissingFileOrABadValueIsAUsageError() {
        Cli cli = Cli.in(directory);

        CliRun missing = cli.run("plan");
        CliRun badFormat = cli.run("validate", "mwaa-component.yaml", "--output", "yaml");
        CliRun badPort = cli.run("serve", "--port", "eighty");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).startsWith("meshprov: Missing required parameter: 'FILE'");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.stderr()).contains("--output", "yaml", "TEXT, JSON");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.stderr()).contains("'eighty' is not an int");
    }

    @Test
    void noCommandPrintsTheUsage() {
        Cli cli = Cli.in(directory);

        CliRun none = cli.run();
        CliRun config = cli.run("config");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).startsWith("meshprov: a command is required\nUsage: meshprov ");
        assertThat(config.exitCode()).isEqualTo(2);
        assertThat(config.stderr()).contains("Usage: meshprov config ").contains("check");
    }
}
