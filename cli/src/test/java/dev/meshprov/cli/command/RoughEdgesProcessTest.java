package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliProcess;
import dev.meshprov.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rough edges a new user hit (issue 15), as they see them: meshprov as a process of its own, its exit code and
 * what it prints on stdout and stderr.
 */
class RoughEdgesProcessTest {

    @TempDir
    Path directory;

    private CliRun run(Map<String, String> environment, String... args) {
        return CliProcess.run(directory, environment, args);
    }

    @Test
    void anUnknownCommandSaysSoWithTheCommandItProbablyMeansAndAJsonErrorWhenAsked() {
        Cli.in(directory);

        CliRun text = run(Map.of(), "valdiate", "mwaa-component.yaml");
        CliRun json = run(Map.of(), "-o", "json", "frobnicate");

        assertThat(text.exitCode()).as(text.describe()).isEqualTo(2);
        assertThat(text.stderr())
                .startsWith("meshprov: 'valdiate' is not a meshprov command; did you mean 'validate'?\n")
                .contains("Commands: validate, plan, provision, unprovision, reverse, serve, config, completion")
                .doesNotContain("Unmatched argument");
        assertThat(text.stdout()).isEmpty();
        assertThat(json.exitCode()).as(json.describe()).isEqualTo(2);
        assertThat(json.json().path("userMessage").asText()).startsWith("The command line cannot be used: ");
        assertThat(json.json().path("errors").path(0).asText()).contains("'frobnicate' is not a meshprov command");
    }

    @Test
    void aBadVariableIsNamedAsSetAndAMistypedKeyGetsADidYouMean() {
        Cli.in(directory).write("meshprov.yaml", "mwaa:\n  stor: filesystem\n");

        CliRun run = run(Map.of("MESHPROV_SERVER_PORT", "abc"), "config", "check");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("  MESHPROV_SERVER_PORT: sets server.port, which has the value 'abc', which is not a whole"
                        + " number\n")
                .contains("  mwaa.stor: is not a known setting; did you mean mwaa.store?\n");
    }

    @Test
    void theHintForAnUnsetSecretVariableKeepsItsSyntax() {
        Cli.in(directory)
                .write(
                        "meshprov.yaml",
                        "airbyte:\n  enabled: true\n  auth:\n    type: clientCredentials\n    clientId: m\n"
                                + "    clientSecret: ${AIRBYTE_CLIENT_SECRET}\n");

        CliRun run = run(Map.of(), "config", "check");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("Set AIRBYTE_CLIENT_SECRET, or give a default: ${AIRBYTE_CLIENT_SECRET:-value}.")
                .doesNotContain(":***}");
    }

    @Test
    void theStagingLocationUsedIsSaidWithWhatDecidedItAndASecondUnprovisionSaysAlreadyAbsent() throws IOException {
        Cli.in(directory);

        CliRun missing = run(Map.of(), "validate", "mwaa-component.yaml");

        assertThat(missing.exitCode()).as(missing.describe()).isEqualTo(1);
        assertThat(missing.stdout())
                .contains("does not exist (staging prefix 'staging/', the filesystem store's built-in default, used"
                        + " instead of the descriptor's sourcePath 'source/')")
                .contains("The descriptor's sourcePath is not used while mwaa.environments is not configured");

        Path deployed = Files.createDirectories(directory.resolve("deployed"));
        Cli.in(deployed).withStagedDag();
        CliRun provisioned = CliProcess.run(deployed, Map.of(), "provision", "mwaa-component.yaml");
        CliRun removed = CliProcess.run(deployed, Map.of(), "unprovision", "mwaa-component.yaml");
        CliRun again = CliProcess.run(deployed, Map.of(), "unprovision", "mwaa-component.yaml");

        assertThat(provisioned.exitCode()).as(provisioned.describe()).isZero();
        assertThat(provisioned.stdout()).contains("deployed to " + deployed.resolve(Cli.DAG_FILE));
        assertThat(removed.stdout()).contains(" removed from ");
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.stdout()).contains("was already absent from " + deployed.resolve(Cli.DAG_FILE));
    }
}
