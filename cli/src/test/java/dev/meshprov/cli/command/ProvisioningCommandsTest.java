package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import dev.meshprov.cli.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, provision and unprovision with the real MWAA technology on the embedded default: the DAG lands in (and
 * leaves) {@code ./airflow/dags} of the working directory.
 */
class ProvisioningCommandsTest {

    private static final String DESCRIPTOR_FILE = "airflow/dags/finance_cashflow_1_descriptor.yaml";

    @TempDir
    Path directory;

    @Test
    void planThenProvisionThenPlanAgainThenUnprovision() {
        Cli cli = Cli.in(directory).withStagedDag();

        CliRun firstPlan = cli.run("plan", "mwaa-component.yaml");
        assertThat(firstPlan.exitCode()).as(firstPlan.describe()).isZero();
        assertThat(firstPlan.stdout().lines())
                .first()
                .isEqualTo("plan: 2 to create, 0 to update, 0 to replace, 0 unchanged, 0 to delete");
        assertThat(firstPlan.stdout())
                .contains("  create     dag          " + directory.resolve(Cli.DAG_FILE))
                .contains("  create     descriptor   " + directory.resolve(DESCRIPTOR_FILE));
        assertThat(cli.file(Cli.DAG_FILE)).doesNotExist();

        CliRun provision = cli.run("provision", "mwaa-component.yaml");
        assertThat(provision.exitCode()).as(provision.describe()).isZero();
        assertThat(cli.file(Cli.DAG_FILE)).hasSameTextualContentAs(Examples.path("airflow/cashflow_daily.py"));
        assertThat(provision.stdout())
                .as("the embedded default's folder, absolute: it depends on the working directory")
                .startsWith("status: COMPLETED\nresult: DAG finance_cashflow_1_cashflow_daily deployed to "
                        + directory.resolve(Cli.DAG_FILE))
                .contains("info:\n  DAG id: finance_cashflow_1_cashflow_daily\n")
                .contains("private info:\n  store: filesystem\n")
                .contains("logs:\n")
                .containsPattern("  \\S+Z INFO    \\[copy\\] Created DAG file ");
        assertThat(provision.stderr()).isEmpty();

        CliRun secondPlan = cli.run("plan", "mwaa-component.yaml");
        assertThat(secondPlan.exitCode()).as(secondPlan.describe()).isZero();
        assertThat(secondPlan.stdout())
                .startsWith("plan: 0 to create, 0 to update, 0 to replace, 2 unchanged, 0 to delete\n")
                .contains("  unchanged  dag          ")
                .endsWith("nothing to do: provisioning would change nothing\n");

        CliRun unprovision = cli.run("unprovision", "mwaa-component.yaml");
        assertThat(unprovision.exitCode()).as(unprovision.describe()).isZero();
        assertThat(unprovision.stdout())
                .startsWith("status: COMPLETED\nresult: DAG finance_cashflow_1_cashflow_daily" + " removed from ");
        assertThat(cli.file(Cli.DAG_FILE)).doesNotExist();
        assertThat(cli.file(DESCRIPTOR_FILE)).doesNotExist();

        CliRun again = cli.run("unprovision", "mwaa-component.yaml");
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.stdout())
                .as("nothing was there to remove")
                .startsWith("status: COMPLETED\nresult: DAG finance_cashflow_1_cashflow_daily was already absent from "
                        + directory.resolve(Cli.DAG_FILE) + "; nothing to remove\n");
    }

    @Test
    void planAsJsonHasEveryChangeAndASummary() {
        CliRun run = Cli.in(directory).withStagedDag().run("plan", "mwaa-component.yaml", "-o", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode plan = run.json();
        assertThat(plan.get("noop").asBoolean()).isFalse();
        assertThat(plan.path("summary").path("CREATE").asInt()).isEqualTo(2);
        assertThat(plan.path("summary").path("UNCHANGED").asInt()).isZero();
        assertThat(plan.path("changes")).hasSize(2);
        JsonNode dag = plan.path("changes").get(1);
        assertThat(dag.path("entity").asText()).isEqualTo("dag");
        assertThat(dag.path("name").asText())
                .isEqualTo(directory.resolve(Cli.DAG_FILE).toString());
        assertThat(dag.path("kind").asText()).isEqualTo("CREATE");
        assertThat(dag.path("detail").asText()).startsWith("copy from the staging file");
    }

    @Test
    void provisionAsJsonIsTheProvisioningStatusOfTheContract() {
        CliRun run = Cli.in(directory).withStagedDag().run("--output=json", "provision", "mwaa-component.yaml");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode status = run.json();
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.get("result").asText()).startsWith("DAG finance_cashflow_1_cashflow_daily deployed to ");
        JsonNode dagId = status.path("info").path("publicInfo").path("dagId");
        assertThat(dagId.path("type").asText()).isEqualTo("string");
        assertThat(dagId.path("value").asText()).isEqualTo("finance_cashflow_1_cashflow_daily");
        assertThat(status.path("info").path("privateInfo").path("store").asText())
                .isEqualTo("filesystem");
        assertThat(status.path("logs")).isNotEmpty().allSatisfy(entry -> assertThat(entry.fieldNames())
                .toIterable()
                .contains("timestamp", "level", "message"));
    }

    @Test
    void aProvisioningRequestFileAndStdinProvisionToo() {
        Cli cli = Cli.in(directory).withStagedDag();

        CliRun provision = cli.run("provision", "mwaa-provision-request.json");
        assertThat(provision.exitCode()).as(provision.describe()).isZero();
        assertThat(cli.file(Cli.DAG_FILE)).exists();

        CliRun unprovision = cli.stdin(Examples.read("mwaa-component.yaml")).run("unprovision", "-", "--remove-data");
        assertThat(unprovision.exitCode()).as(unprovision.describe()).isZero();
        assertThat(unprovision.stdout())
                .contains("[data] removeData is set, but a DAG holds no data: only its files are removed");
        assertThat(cli.file(Cli.DAG_FILE)).doesNotExist();
    }

    @Test
    void aFailedProvisioningPrintsTheFailedStatusAndExitsOne() throws IOException {
        Cli cli = Cli.in(directory).withStagedDag();
        Files.writeString(cli.file("airflow/dags"), "a file where the DAG folder should be");

        CliRun text = cli.run("provision", "mwaa-component.yaml");
        CliRun json = cli.run("provision", "mwaa-component.yaml", "--output", "json");

        assertThat(text.exitCode()).as(text.describe()).isEqualTo(1);
        assertThat(text.stdout())
                .startsWith("status: FAILED\nresult: filesystem write ")
                .containsPattern("ERROR   \\[failed\\] filesystem write ");
        assertThat(text.stderr()).as("errors are logged").containsPattern("ERROR \\[[^]]*] dev\\.meshprov\\.operation");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(json.json().has("info")).isFalse();
    }

    @Test
    void anInvalidComponentIsRejectedWithTheContractsRequestValidationError() {
        Cli cli = Cli.in(directory);

        CliRun text = cli.run("provision", "mwaa-component.yaml");
        CliRun json = cli.run("provision", "mwaa-component.yaml", "--output", "json");

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.stdout())
                .startsWith("The component cannot be provisioned: 1 problem\n")
                .contains("    fix: Upload the DAG to ");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode error = json.json();
        assertThat(error.get("userMessage").asText()).startsWith("The component cannot be provisioned: ");
        assertThat(error.get("input").asText()).isEqualTo("urn:dmb:cmp:finance:cashflow:1:orchestration");
        assertThat(error.get("inputErrorField").asText()).endsWith(".specific.dagName");
        assertThat(error.path("moreInfo").path("solutions").get(0).asText()).startsWith("Upload the DAG to ");
        assertThat(cli.file("airflow/dags")).doesNotExist();
    }

    @Test
    void unprovisioningAComponentOfADisabledTechnologyIsRejected() {
        CliRun run = Cli.in(directory).run("unprovision", "cde-component.yaml", "-o", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().get("userMessage").asText())
                .startsWith("The component cannot be unprovisioned: ")
                .contains("which is not enabled");
    }
}
