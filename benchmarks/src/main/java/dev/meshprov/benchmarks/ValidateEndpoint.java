package dev.meshprov.benchmarks;

import dev.meshprov.http.MeshprovServer;
import dev.meshprov.http.bootstrap.Application;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole {@code POST /v1/validate} path in-process: the JDK HttpClient on loopback, the Javalin server, the wire
 * JSON reader, the {@code Provisioner} and MWAA on the embedded default with the example's DAG staged. The body is
 * {@code examples/mwaa-provision-request.json} (the 4-component data product, the MWAA component to validate), which
 * meshprov answers with {@code {"valid":true}}; a different answer fails the benchmark.
 */
public class ValidateEndpoint extends MeshprovBenchmark {

    private Path workingDirectory;
    private Application application;
    private MeshprovServer server;
    private HttpClient client;
    private HttpRequest request;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        workingDirectory = Fixtures.workingDirectoryWithStagedDag();
        application = Validation.MwaaApplication.start(workingDirectory, "server: {host: 127.0.0.1, port: 0}");
        server = MeshprovServer.start(application);
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/validate"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Fixtures.example("mwaa-provision-request.json")))
                .build();
        String answer = validate();
        if (!answer.replace(" ", "").contains("\"valid\":true")) {
            throw new IllegalStateException("the example is not valid: " + answer);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.stop();
        Fixtures.delete(workingDirectory);
    }

    @Benchmark
    public String validate() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /v1/validate answered " + response.statusCode());
        }
        return response.body();
    }
}
