package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.cli.testing.ServeProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshprov serve} as a real process: it answers, and a real SIGTERM (what Kubernetes sends) stops it
 * gracefully — the shutdown hook stops accepting, lets work in flight finish and logs that it stopped — instead of
 * killing it mid-request.
 */
class ServeProcessTest {

    @TempDir
    Path directory;

    @Test
    void aRealSigtermStopsTheServerGracefully() throws Exception {
        List<String> launcher =
                List.of("-Xmx128m", "-cp", System.getProperty("java.class.path"), "dev.meshprov.cli.Main");
        try (ServeProcess server = ServeProcess.start(launcher, directory, Map.of())) {
            assertThat(server.send("GET", "/health/live", null).statusCode()).isEqualTo(200);

            assertThat(server.terminate()).as("the server ends after SIGTERM").isTrue();
            String output = server.log();
            assertThat(output).contains("meshprov stops: up to").contains("meshprov stopped");
            assertThat(output).doesNotContain("Exception");
        }
    }
}
