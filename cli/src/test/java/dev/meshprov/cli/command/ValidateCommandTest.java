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
                .containsExactly(
                        "invalid: 1 problem",
                        "  " + DAG_NAME_FIELD + ": is 'cashflow_daily.py', but its staging file "
                                + directory.resolve(Cli.STAGING_FILE) + " does not exist",
                        "    fix: Upload the DAG to " + directory.resolve(Cli.STAGING_FILE)
                                + " first (the component's CI pipeline does this), or correct dagName and"
                                + " sourcePath.");
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
                .contains("routes to the Cloudera Data Engineering technology (cde), which is not enabled")
                .contains("    fix: Set cde.enabled: true")
                .contains("cde.workload.password");
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
