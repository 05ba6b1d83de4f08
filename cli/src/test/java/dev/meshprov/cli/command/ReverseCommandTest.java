package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reverse}: imports the DAG the MWAA technology deployed on the embedded default. */
class ReverseCommandTest {

    private static final String AIRFLOW_TEMPLATE = "urn:dmb:utm:aws-airflow-workload-template:0.0.0";

    @TempDir
    Path directory;

    private Cli cli;

    @BeforeEach
    void deployTheExampleDag() {
        cli = Cli.in(directory).withStagedDag();
        CliRun provision = cli.run("provision", "mwaa-component.yaml");
        assertThat(provision.exitCode()).as(provision.describe()).isZero();
    }

    @Test
    void findsTheDeployedDagAndPrintsTheCatalogInfoSection() {
        CliRun run =
                reverse("development", "--param", "prefix=finance.cashflow.1", "--param", "dagName=cashflow_daily.py");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout())
                .startsWith("status: COMPLETED\ncatalog-info.yaml updates:\n"
                        + "  spec.mesh.specific:\n"
                        + "    dagName: cashflow_daily.py\n"
                        + "    sourcePath: staging/\n"
                        + "    destinationPath: dags/\n")
                .contains("[reverse] Found DAG finance_cashflow_1_cashflow_daily at ");
    }

    @Test
    void paramsComeFromAFileAndAsJsonTheResultIsTheReverseProvisioningStatus() {
        cli.write("params.yaml", "domain: finance\ndataProduct: cashflow\nmajorVersion: \"1\"\ndagName: other.py\n");

        CliRun run = reverse(
                "development", "--params-file", "params.yaml", "-p", "dagName=cashflow_daily.py", "--output", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode status = run.json();
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("updates")
                        .path("spec.mesh.specific")
                        .path("dagName")
                        .asText())
                .isEqualTo("cashflow_daily.py");
        assertThat(status.get("logs")).isNotEmpty();
    }

    @Test
    void aDagThatIsNotDeployedIsRejectedWithTheProblem() {
        CliRun run = reverse("development", "-p", "prefix=finance.cashflow.1", "-p", "dagName=absent.py");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout())
                .startsWith("The reverse provisioning request is invalid: 1 problem\n")
                .contains("  params.dagName: names the DAG finance_cashflow_1_absent, but neither ")
                .contains("    fix: ");
    }

    @Test
    void anUnknownUseCaseTemplateOrAParamsFileThatIsNotAMapIsRejected() {
        cli.write("params.json", "[1, 2]");

        CliRun unknown =
                cli.run("reverse", "--use-case-template-id", "urn:dmb:utm:unknown:0.0.0", "--environment", "dev");
        CliRun notAMap = reverse("dev", "--params-file", "params.json", "-o", "json");

        assertThat(unknown.exitCode()).as(unknown.describe()).isEqualTo(1);
        assertThat(unknown.stdout()).startsWith("The reverse provisioning request is invalid: ");
        assertThat(notAMap.exitCode()).isEqualTo(1);
        assertThat(notAMap.json().get("inputErrorField").asText()).isEqualTo("params");
    }

    @Test
    void theRequiredOptionsAndAReadableParamsFileAreUsageMatters() {
        CliRun missing = cli.run("reverse", "--environment", "development");
        CliRun unreadable = reverse("development", "--params-file", "absent.json");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("Missing required option: '--use-case-template-id=ID'");
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.stderr()).startsWith("meshprov: cannot read --params-file 'absent.json': no such file");
    }

    /** {@code meshprov reverse} of the Airflow use case template in {@code environment}, with {@code more}. */
    private CliRun reverse(String environment, String... more) {
        List<String> args = new ArrayList<>(
                List.of("reverse", "--use-case-template-id", AIRFLOW_TEMPLATE, "--environment", environment));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }
}
