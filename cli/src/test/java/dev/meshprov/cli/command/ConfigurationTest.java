package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the configuration comes from, {@code config check}, and an invalid configuration stopping a command. */
class ConfigurationTest {

    private static final String INVALID =
            """
            server:
              port: 70000
            tasks:
              workers: 0
            mwaa:
              store: ftp
            """;

    @TempDir
    Path directory;

    @Test
    void configCheckOnTheEmbeddedDefaultListsTheTechnologies() {
        CliRun run = Cli.in(directory).run("config", "check");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout())
                .startsWith("configuration (none: the embedded default) is valid\n")
                .contains("  mwaa: enabled, sync\n")
                .contains("  cde: disabled (to enable: Set cde.enabled: true");
    }

    @Test
    void configCheckAsJson() {
        CliRun run = Cli.in(directory).run("config", "check", "-o", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode report = run.json();
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("source").asText()).isEqualTo("(none: the embedded default)");
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("technologies").findValuesAsText("name")).contains("mwaa", "cde");
    }

    @Test
    void configCheckWarnsOfDeprecatedSnowflakePasswordAuthentication() {
        Cli cli = Cli.in(directory);
        cli.write(
                "airbyte.yaml",
                """
                airbyte:
                  enabled: true
                  apiUrl: http://127.0.0.1:9/api/public
                  workspaceId: 5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6
                  snowflake:
                    host: acme.snowflakecomputing.com
                    username: AIRBYTE_USER
                    password: Cli-Canary-Passw0rd
                """);

        CliRun text = cli.run("config", "check", "--config", "airbyte.yaml");
        CliRun json = cli.run("config", "check", "--config", "airbyte.yaml", "-o", "json");

        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.stdout())
                .contains("  airbyte: enabled, async\n    warning: Snowflake password authentication")
                .contains("destination-snowflake 5.0.0")
                .doesNotContain("Cli-Canary-Passw0rd");
        JsonNode airbyte = json.json().get("technologies").findParents("name").stream()
                .filter(technology -> technology.get("name").asText().equals("airbyte"))
                .findFirst()
                .orElseThrow();
        assertThat(airbyte.get("warnings").get(0).asText()).contains("airbyte.snowflake.privateKey");
    }

    @Test
    void configCheckPrintsEveryProblemWithItsKeyAndFix() {
        Cli cli = Cli.in(directory);
        Path file = cli.write("invalid.yaml", INVALID);

        CliRun text = cli.run("config", "check", "--config", "invalid.yaml");
        CliRun json = cli.run("--output", "json", "config", "check", "--config", "invalid.yaml");

        assertThat(text.exitCode()).as(text.describe()).isEqualTo(2);
        assertThat(text.stdout())
                .startsWith("configuration " + file + " is invalid:\n")
                .contains("  server.port: is 70000, not a port number\n    fix: Use a port from 1 to 65535.\n")
                .contains("  tasks.workers: is 0\n    fix: ")
                .contains("  mwaa.store: ");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.json().get("valid").asBoolean()).isFalse();
        assertThat(json.json().get("problems").findValuesAsText("key"))
                .containsExactlyInAnyOrder("server.port", "tasks.workers", "mwaa.store");
        assertThat(json.json().get("problems").get(0).get("fix").asText()).isNotBlank();
    }

    @Test
    void anInvalidConfigurationStopsACommandWithEveryProblem() {
        Cli cli = Cli.in(directory).withStagedDag();
        cli.write("invalid.yaml", INVALID);

        CliRun text = cli.run("validate", "mwaa-component.yaml", "--config", "invalid.yaml");
        CliRun json = cli.run("provision", "mwaa-component.yaml", "--config", "invalid.yaml", "-o", "json");

        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.stdout()).isEmpty();
        assertThat(text.stderr())
                .contains("meshprov: the configuration " + directory.resolve("invalid.yaml") + " is invalid:")
                .contains("  server.port: is 70000")
                .contains("  tasks.workers: is 0")
                .contains("  mwaa.store: ");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.json().get("problems")).hasSize(3);
        assertThat(cli.file(Cli.DAG_FILE)).doesNotExist();
    }

    @Test
    void aConfigurationFileThatDoesNotExistIsAConfigurationError() {
        CliRun run = Cli.in(directory).run("config", "check", "--config", "absent.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("configuration: file " + directory.resolve("absent.yaml") + " does not exist");
    }

    @Test
    void theFileComesFromMeshprovConfigThenTheWorkingDirectory() {
        Cli cli = Cli.in(directory);
        cli.write("named.yaml", "server:\n  port: 9001\n");
        cli.write("meshprov.yaml", "server:\n  port: 70000\n");

        CliRun fromDirectory = cli.run("config", "check");
        CliRun fromVariable = cli.env("MESHPROV_CONFIG", "named.yaml").run("config", "check");

        assertThat(fromVariable.exitCode()).as(fromVariable.describe()).isZero();
        assertThat(fromVariable.stdout()).startsWith("configuration " + directory.resolve("named.yaml"));
        assertThat(fromDirectory.exitCode()).isEqualTo(2);
        assertThat(fromDirectory.stdout()).contains("meshprov.yaml is invalid").contains("server.port");
    }

    @Test
    void environmentOverridesAndTheirProblemsCount() {
        CliRun run = Cli.in(directory)
                .env("MESHPROV_TASKS_WORKERS", "0")
                .env("MESHPROV_SERVER_PROT", "1")
                .run("config", "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("  MESHPROV_TASKS_WORKERS: sets tasks.workers, which is 0")
                .contains("  MESHPROV_SERVER_PROT: sets server.prot, which is not a known setting")
                .contains("did you mean server.port?");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        CliRun run = Cli.in(directory).env("MESHPROV_SERVER_PORT", "abc").run("config", "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("  MESHPROV_SERVER_PORT: sets server.port, which has the value 'abc', which is not a whole"
                        + " number\n")
                .doesNotContain("  server.port:");
    }

    @Test
    void aMistypedKeyGetsTheKeyItProbablyMeans() {
        Cli cli = Cli.in(directory);
        cli.write("meshprov.yaml", "mwaa:\n  stor: s3\nserver:\n  maxBodyByte: 1000000\n");

        CliRun run = cli.run("config", "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("  mwaa.stor: is not a known setting; did you mean mwaa.store?\n")
                .contains("  server.maxBodyByte: is not a known setting; did you mean server.maxBodyBytes?\n");
    }

    @Test
    void theHintForAnUnsetSecretVariableKeepsItsSyntax() {
        Cli cli = Cli.in(directory);
        cli.write(
                "meshprov.yaml",
                """
                airbyte:
                  enabled: true
                  auth:
                    type: clientCredentials
                    clientId: m
                    clientSecret: ${AIRBYTE_CLIENT_SECRET}
                """);

        CliRun run = cli.run("config", "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("fix: Set AIRBYTE_CLIENT_SECRET, or give a default: ${AIRBYTE_CLIENT_SECRET:-value}.")
                .doesNotContain(":***}");
    }
}
