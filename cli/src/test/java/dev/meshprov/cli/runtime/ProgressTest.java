package dev.meshprov.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import dev.meshprov.core.port.UpstreamCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line: on a terminal only, erased at the end, with the latest upstream call. */
class ProgressTest {

    @TempDir
    Path directory;

    @Test
    void onATerminalProvisioningShowsAProgressLineOnStderrAndErasesIt() {
        CliRun run = Cli.in(directory).withStagedDag().terminal(true).run("provision", "mwaa-component.yaml");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stderr())
                .startsWith("\r\u001B[Kmeshprov: provisioning... 0s")
                .endsWith("\r\u001B[K");
        assertThat(run.stdout()).startsWith("status: COMPLETED");
    }

    @Test
    void inAPipeThereIsNoProgress() {
        CliRun run = Cli.in(directory).withStagedDag().terminal(false).run("plan", "mwaa-component.yaml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void theLineShowsTheElapsedSecondsAndTheLatestUpstreamCall() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        TerminalProgress progress = new TerminalProgress(new PrintStream(err, true, StandardCharsets.UTF_8), clock);

        String result = progress.during("unprovisioning", () -> {
            progress.completed(new UpstreamCall("S3", "DeleteObject", "bucket/dags/x.py", "204", Duration.ZERO, 1));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("\r\u001B[Kmeshprov: unprovisioning... 0s")
                .endsWith("\r\u001B[K");
        assertThat(TerminalProgress.line(
                        "provisioning", Duration.ofSeconds(3), Optional.of("S3 CopyObject b/dags/x.py: 200")))
                .isEqualTo("meshprov: provisioning... 3s (S3 CopyObject b/dags/x.py: 200)");
        assertThat(TerminalProgress.line("planning", Duration.ofSeconds(12), Optional.of("x".repeat(200))))
                .hasSize("meshprov: planning... 12s ()".length() + 80)
                .contains("(..." + "x".repeat(77) + ")");
    }
}
