package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}: starts the HTTP server, logs its URL as JSON lines at info, and stops gracefully when told. */
class ServeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("meshprov listening on (http://127\\.0\\.0\\.1:\\d+) ");

    @TempDir
    Path directory;

    @Test
    void servesUntilAskedToStop() throws Exception {
        Cli.Running serve = Cli.in(directory).start("serve", "--port", "0", "--host", "127.0.0.1");
        String url = awaitUrl(serve);

        HttpResponse<String> live = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/health/live")).build(),
                        HttpResponse.BodyHandlers.ofString());
        serve.stop();
        CliRun run = serve.await();

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).isEmpty();
        List<JsonNode> logs = run.stderr().lines().map(ServeCommandTest::json).toList();
        assertThat(logs).as("one JSON object per line").allSatisfy(line -> assertThat(line.isObject())
                .isTrue());
        assertThat(logs).extracting(line -> line.path("message").asText()).contains("meshprov stopped");
        assertThat(logs).extracting(line -> line.path("level").asText()).contains("INFO");
    }

    @Test
    void theLogFormatCanBeText() throws Exception {
        Cli cli = Cli.in(directory).env("MESHPROV_LOGGING_FORMAT", "text");
        Cli.Running serve = cli.start("serve", "--port", "0", "--host", "127.0.0.1");
        awaitUrl(serve);
        serve.stop();
        CliRun run = serve.await();

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr())
                .containsPattern("INFO  \\[[^]]*] dev\\.meshprov\\.cli\\.command\\.ServeCommand \\[[^]]*] - meshprov"
                        + " listening on http://127\\.0\\.0\\.1:\\d+ ");
        assertThat(run.stderr())
                .as("the embedded default's folder, absolute: it depends on the working directory")
                .contains("mwaa (DAGs in the folder " + directory.resolve("airflow") + ")");
    }

    @Test
    void aPortThatCannotBeUsedIsAConfigurationError() {
        CliRun run = Cli.in(directory).run("serve", "--port", "70000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr())
                .as("named as the user gave it")
                .contains("  --port: sets server.port, which is 70000, not a port number");
    }

    /** Waits for the URL in the log; the server may take a few seconds to start on a busy machine. */
    private static String awaitUrl(Cli.Running serve) throws InterruptedException {
        for (int i = 0; i < 600 && !serve.isDone(); i++) {
            Optional<String> url = serve.stderr()
                    .lines()
                    .map(line -> line.contains("{") ? json(line).path("message").asText() : line)
                    .map(URL::matcher)
                    .filter(Matcher::find)
                    .map(matcher -> matcher.group(1))
                    .findFirst();
            if (url.isPresent()) {
                return url.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not log its URL:\n" + serve.stderr());
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
