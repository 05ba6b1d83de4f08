package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshprov serve} as a real process: it answers, and a real SIGTERM (what Kubernetes sends) stops it
 * gracefully — the shutdown hook stops accepting, lets work in flight finish and logs that it stopped — instead of
 * killing it mid-request.
 */
class ServeProcessTest {

    private static final Pattern LISTENING = Pattern.compile("meshprov listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path directory;

    @Test
    void aRealSigtermStopsTheServerGracefully() throws Exception {
        Path log = directory.resolve("serve.log");
        Process server = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.meshprov.cli.Main",
                        "serve",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "0"))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            int port = awaitPort(log, server);
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> live = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).isEqualTo(200);

            server.destroy();

            assertThat(server.waitFor(60, TimeUnit.SECONDS))
                    .as("the server ends after SIGTERM")
                    .isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).contains("meshprov stops: up to").contains("meshprov stopped");
            assertThat(output).doesNotContain("Exception");
        } finally {
            server.destroyForcibly();
        }
    }

    private static int awaitPort(Path log, Process server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher matcher = LISTENING.matcher(output);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!server.isAlive()) {
                throw new AssertionError("serve ended before listening:\n" + output);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not listen within 60 s:\n" + Files.readString(log));
    }
}
