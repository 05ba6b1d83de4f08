package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import dev.meshprov.cli.testing.Examples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate FILE} with the real MWAA technology on the embedded default, in a fresh working directory. */
class ValidateCommandTest {

    private static final String ORCHESTRATION = "urn:dmb:cmp:finance:cashflow:1:orchestration";
    private static final String DAG_NAME_FIELD = "dataProduct.components[" + ORCHESTRATION + "].specific.dagName";

    @TempDir
    Path directory;

    @Test
    void aValidComponentExitsZero() {
        CliRun run = Cli.in(directory).withStagedDag().run("validate", "mwaa-component.yaml");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEqualTo("valid: the component can be provisioned\n");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void aValidComponentAsJsonIsTheValidationResult() {
        CliRun run = Cli.in(directory).withStagedDag().run("validate", "mwaa-component.yaml", "--output", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.json().toString()).isEqualTo("{\"valid\":true}");
    }

    @Test
    void aComponentWhoseDagIsNotStagedIsInvalidWithTheFieldAndTheFix() {
        CliRun run = Cli.in(directory).run("validate", "mwaa-component.yaml");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout().lines())
                .as("says which staging location was used and why, and that the descriptor's sourcePath does not"
                        + " decide it")
                .containsExactly(
                        "invalid: 1 problem",
                        "  " + DAG_NAME_FIELD + ": is 'cashflow_daily.py', but its staging file "
                                + directory.resolve(Cli.STAGING_FILE) + " does not exist (staging prefix 'staging/',"
                                + " the filesystem store's built-in default, used instead of the descriptor's"
                                + " sourcePath 'source/')",
                        "    fix: Upload the DAG to " + directory.resolve(Cli.STAGING_FILE)
                                + " first (the component's CI pipeline does this). The descriptor's sourcePath is not"
                                + " used while mwaa.environments is not configured: to stage elsewhere, set"
                                + " mwaa.environments.\"*\".sourcePath (or configure mwaa.environments without a"
                                + " sourcePath to use the descriptor's).");
    }

    @Test
    void aConfiguredStagingPrefixIsNamedAsWhatDecidesTheLocation() {
        Cli cli = Cli.in(directory);
        cli.write(
                "meshprov.yaml",
                "mwaa:\n  environments:\n    development:\n      sourcePath: uploads/\n      destinationPath: dags/\n");

        CliRun run = cli.run("validate", "mwaa-component.yaml");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        Path staging = directory.resolve("airflow/uploads/finance.cashflow.1.cashflow_daily.py");
        assertThat(run.stdout())
                .contains("its staging file " + staging + " does not exist (staging prefix 'uploads/' from"
                        + " mwaa.environments.development.sourcePath, used instead of the descriptor's sourcePath"
                        + " 'source/')")
                .contains("fix: Upload the DAG to " + staging + " first (the component's CI pipeline does this), or"
                        + " change mwaa.environments.development.sourcePath in meshprov's configuration: it decides"
                        + " the staging prefix, not the descriptor's sourcePath.");
    }

    @Test
    void whenTheDescriptorDecidesTheFixPointsAtTheDescriptor() {
        Cli cli = Cli.in(directory);
        cli.write("meshprov.yaml", "mwaa:\n  environments:\n    development:\n      destinationPath: dags/\n");

        CliRun run = cli.run("validate", "mwaa-component.yaml");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("airflow/source/finance.cashflow.1.cashflow_daily.py does not exist (staging prefix"
                        + " 'source/' from the descriptor's sourcePath)")
                .contains("or correct dagName and sourcePath.");
    }

    @Test
    void anInvalidComponentAsJsonIsTheValidationResultWithEveryProblemAndItsFix() {
        Cli cli = Cli.in(directory).withStagedDag();
        cli.write(
                "two-problems.yaml",
                Examples.read("mwaa-component.yaml")
                        .replace("dagName: cashflow_daily.py", "dagName: cashflow_daily")
                        .replace("scheduleCron: \"0 6 * * *\"", "scheduleCron: \"every morning\""));

        CliRun run = cli.run("--output", "json", "validate", "two-problems.yaml");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.path("error").path("errors")).hasSize(2);
        assertThat(json.path("error").path("errors").get(0).asText())
                .startsWith(DAG_NAME_FIELD + ": is 'cashflow_daily', which does not end in .py")
                .contains("(fix: ");
        assertThat(json.path("error").path("errors").get(1).asText()).contains("specific.scheduleCron");
    }

    @Test
    void dashReadsTheDescriptorFromStdin() {
        CliRun run = Cli.in(directory)
                .withStagedDag()
                .stdin(Examples.read("mwaa-component.yaml"))
                .run("validate", "-");

        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    @Test
    void aDataProductNeedsComponentToPickTheComponent() {
        Cli cli = Cli.in(directory).withStagedDag();

        CliRun withComponent = cli.run("validate", "data-product.yaml", "--component", ORCHESTRATION);
        CliRun without = cli.run("validate", "data-product.yaml");

        assertThat(withComponent.exitCode()).as(withComponent.describe()).isZero();
        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.stdout())
                .contains("  componentIdToProvision: is required but missing")
                .contains("(the CLI also accepts --component ID)");
    }

    @Test
    void aBareDataProductDescriptorIsReadWithComponent() {
        Cli cli = Cli.in(directory).withStagedDag();
        String bare = Examples.read("data-product.yaml")
                .replaceFirst("(?m)^dataProduct:\\n", "")
                .replaceAll("(?m)^  ", "");
        cli.write("bare-data-product.yaml", bare);

        CliRun run = cli.run("validate", "bare-data-product.yaml", "-c", ORCHESTRATION);

        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    @Test
    void aProvisioningRequestJsonIsReadLikeTheHttpApiBody() {
        CliRun run = Cli.in(directory).withStagedDag().run("validate", "mwaa-provision-request.json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    @Test
    void aProvisioningRequestWithWrongFieldsIsInvalidNamingEachField() {
        Cli cli = Cli.in(directory);
        cli.write("request.json", "{\"descriptorKind\": \"COMPONENT\", \"removeData\": \"no\"}");

        CliRun run = cli.run("validate", "request.json");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("invalid: 3 problems")
                .contains("  descriptorKind: is 'COMPONENT', which is not one of ")
                .contains("  descriptor: is required but missing")
                .contains("  removeData: ");
    }

    @Test
    void malformedYamlIsInvalidInputNotAUsageError() {
        Cli cli = Cli.in(directory);
        cli.write("broken.yaml", "dataProduct: [unclosed\n");

        CliRun run = cli.run("validate", "broken.yaml");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout()).startsWith("invalid: 1 problem\n  descriptor: ");
    }

    @Test
    void aComponentOfADisabledTechnologyNamesTheKeysToSet() {
        CliRun run = Cli.in(directory).run("validate", "cde-component.yaml");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("  cde.enabled: the component urn:dmb:cmp:finance:cashflow:1:cashflow-job routes to the"
                        + " Cloudera Data Engineering technology (cde), which is not enabled in the configuration")
                .contains("    fix: Set cde.enabled: true")
                .contains("cde.workload.password")
                .doesNotContain("server");
    }

    @Test
    void anEmptyFileSaysSoInTheWordsOfTheCommandLine() {
        Cli cli = Cli.in(directory);
        cli.write("empty.yaml", "\n");

        CliRun run = cli.run("validate", "empty.yaml");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("  FILE: empty.yaml is empty")
                .contains("fix: Give a component descriptor YAML")
                .doesNotContain("Send");
    }

    @Test
    void aFileThatDoesNotExistIsAUsageErrorNamingIt() {
        CliRun run = Cli.in(directory).run("validate", "absent.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr())
                .startsWith("meshprov: cannot read FILE 'absent.yaml': no such file (looked for "
                        + directory.resolve("absent.yaml") + ")")
                .contains("Try 'meshprov validate --help' for more information.");
    }

    @Test
    void aDirectoryIsAUsageError() {
        CliRun run = Cli.in(directory).run("validate", ".");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("meshprov: cannot read FILE '.': it is a directory");
    }
}
