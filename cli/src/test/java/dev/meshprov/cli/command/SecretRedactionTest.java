package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import dev.meshprov.cli.testing.Examples;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A secret of the configuration (here a {@code ${VAR}}-interpolated password of a disabled technology) never reaches
 * stdout or stderr, even when the descriptor carries it into problems, results, info and logs.
 */
class SecretRedactionTest {

    private static final String CANARY = "canary-Pa55word-4711";
    private static final String CONFIG =
            """
            cde:
              enabled: false
              workload:
                password: ${CDE_PASSWORD}
            """;

    @TempDir
    Path directory;

    private Cli cli;

    @BeforeEach
    void configureASecret() {
        cli = Cli.in(directory).env("CDE_PASSWORD", CANARY);
        cli.write("meshprov.yaml", CONFIG);
    }

    @ParameterizedTest(name = "--output {0}")
    @ValueSource(strings = {"text", "json"})
    void aProblemQuotingTheSecretIsMasked(String format) {
        cli.write(
                "leaky.yaml",
                Examples.read("mwaa-component.yaml").replace("dagName: cashflow_daily.py", "dagName: " + CANARY));

        CliRun run = cli.run("validate", "leaky.yaml", "--output", format);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout()).contains("specific.dagName: is '***', which does not end in .py");
        assertThat(run.stdout() + run.stderr()).doesNotContain(CANARY);
    }

    @ParameterizedTest(name = "--output {0}")
    @ValueSource(strings = {"text", "json"})
    void aStatusWhoseResultInfoAndLogsNameTheSecretIsMasked(String format) {
        String dagName = CANARY + ".py";
        cli.write("airflow/staging/finance.cashflow.1." + dagName, "print('leak')\n");
        cli.write(
                "leaky.yaml",
                Examples.read("mwaa-component.yaml").replace("dagName: cashflow_daily.py", "dagName: " + dagName));

        CliRun provision = cli.run("provision", "leaky.yaml", "--output", format);
        CliRun plan = cli.run("plan", "leaky.yaml", "--output", format);

        assertThat(provision.exitCode()).as(provision.describe()).isZero();
        assertThat(provision.stdout()).contains("***");
        assertThat(provision.stdout() + provision.stderr()).doesNotContain(CANARY);
        assertThat(plan.stdout() + plan.stderr()).doesNotContain(CANARY);
    }

    @Test
    void anInvalidConfigurationDoesNotPrintTheSecretEither() {
        cli.write("meshprov.yaml", CONFIG + "tasks:\n  workers: " + CANARY + "\n");

        CliRun text = cli.run("config", "check");
        CliRun json = cli.run("validate", "mwaa-component.yaml", "-o", "json");

        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.stdout()).contains("tasks.workers");
        assertThat(text.stdout() + text.stderr()).doesNotContain(CANARY);
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.stdout() + json.stderr()).doesNotContain(CANARY);
    }
}
