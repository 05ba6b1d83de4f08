package dev.meshprov.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.cli.output.OutputFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session hands the configured application to the command, and turns a bug into exit 1 without leaking. */
class SessionTest {

    private static final String CANARY = "canary-Bug-Secret-31";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CliContext context() {
        return new CliContext(
                Map.of("CDE_PASSWORD", CANARY),
                directory,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                hook -> {});
    }

    @Test
    void theCommandGetsTheConfiguredApplicationAndItsExitCodeIsTheSessions() throws IOException {
        Files.writeString(directory.resolve("meshprov.yaml"), "server:\n  port: 9005\n");

        int exit = Session.of(context(), Optional.empty(), OutputFormat.TEXT)
                .withOverride("MESHPROV_SERVER_HOST", "--host", "127.0.0.1")
                .run((application, renderer) -> {
                    assertThat(application.settings().server().port()).isEqualTo(9005);
                    assertThat(application.settings().server().host()).isEqualTo("127.0.0.1");
                    return 7;
                });

        assertThat(exit).isEqualTo(7);
    }

    @Test
    void aBugIsExitOneWithItsMessageMaskedOnStderrAndInTheLog() throws IOException {
        Files.writeString(
                directory.resolve("meshprov.yaml"),
                "cde:\n  enabled: false\n  workload:\n    password: ${CDE_PASSWORD}\n");

        int exit = Session.of(context(), Optional.empty(), OutputFormat.JSON).run((application, renderer) -> {
            throw new IllegalStateException("login with " + CANARY + " broke");
        });

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ExitCode.FAILED);
        assertThat(stderr)
                .contains("meshprov: failed unexpectedly (java.lang.IllegalStateException: login with *** broke)")
                .containsPattern("ERROR \\[[^]]*] dev\\.meshprov\\.cli\\.runtime\\.Session")
                .contains("at dev.meshprov.cli.runtime.SessionTest")
                .doesNotContain(CANARY);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
