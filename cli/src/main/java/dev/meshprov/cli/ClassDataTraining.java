package dev.meshprov.cli;

import dev.meshprov.cli.runtime.CliContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run of meshprov's class-data-sharing archive: runs {@code meshprov serve} on a free loopback port in a
 * temporary working directory (the embedded default: MWAA on local folders), sends it what a coordinator sends —
 * health checks, a valid and an invalid validation, a provisioning, its status read back, an unprovisioning, a
 * metrics scrape — stops it, and returns. Nothing leaves the machine.
 *
 * <pre>
 * java -XX:ArchiveClassesAtExit=meshprov.jsa -cp meshprov.jar dev.meshprov.cli.ClassDataTraining
 * java -XX:SharedArchiveFile=meshprov.jsa -jar meshprov.jar serve
 * </pre>
 *
 * The JVM writes the archive of every class loaded when this run exits; a server started with it maps those classes
 * instead of loading them (see docs/performance.md). The archive fits one jar and one JVM build only: make it again
 * whenever either changes (a mismatched archive is ignored, with a warning).
 */
public final class ClassDataTraining {

    private static final String COMPONENT = "urn:dmb:cmp:training:cds:1:schedule";
    private static final String DESCRIPTOR =
            """
            dataProduct:
              id: urn:dmb:dp:training:cds:1
              name: Class data training
              domain: training
              environment: development
              version: 1.0.0
              description: What meshprov's class-data-sharing training run provisions
              components:
                - id: urn:dmb:cmp:training:cds:1:schedule
                  name: Schedule
                  kind: workload
                  version: 1.0.0
                  useCaseTemplateId: urn:dmb:utm:aws-airflow-workload-template:0.0.0
                  infrastructureTemplateId: urn:dmb:itm:aws-workload-airflow-provisioner:0
                  specific:
                    scheduleCron: "0 6 * * *"
                    dagName: %s
                    destinationPath: dags/
                    sourcePath: staging/
                    bucketName: training
            componentIdToProvision: %s
            """;

    private ClassDataTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("meshprov-cds-training");
        try {
            train(work);
        } finally {
            deleteTree(work);
        }
    }

    private static void train(Path work) throws IOException, InterruptedException {
        Path staging = Files.createDirectories(work.resolve("airflow/staging"));
        Files.writeString(staging.resolve("training.cds.1.daily.py"), "from airflow import DAG\n");
        int port = freePort();
        CompletableFuture<Runnable> stop = new CompletableFuture<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CliContext context =
                new CliContext(Map.of(), work, InputStream.nullInputStream(), quiet, quiet, false, stop::complete);
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() ->
                Main.run(new String[] {"serve", "--host", "127.0.0.1", "--port", Integer.toString(port)}, context));

        Client client = new Client(port);
        client.awaitLive();
        client.expect(200, "GET", "/health/ready", null);
        client.expect(200, "POST", "/v1/validate", request("daily.py"));
        client.expect(200, "POST", "/v1/validate", request("missing.py"));
        client.expect(200, "POST", "/v1/validate", "{\"descriptorKind\": 42}");
        client.expect(400, "POST", "/v1/provision", "{\"descriptorKind\": 42}");
        client.expect(200, "POST", "/v1/provision", request("daily.py"));
        client.expect(200, "POST", "/v1/provision", request("daily.py"));
        client.expect(200, "POST", "/v1/unprovision", request("daily.py"));
        client.expect(200, "GET", "/metrics", null);
        client.expect(200, "GET", "/openapi.yaml", null);

        try {
            stop.get(30, TimeUnit.SECONDS).run();
            serving.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the training server did not stop: " + e.getMessage(), e);
        }
    }

    private static String request(String dagName) {
        String descriptor = DESCRIPTOR.formatted(dagName, COMPONENT);
        return "{\"descriptorKind\": \"COMPONENT_DESCRIPTOR\", \"removeData\": false, \"descriptor\": "
                + jsonString(descriptor) + "}";
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private record Answer(int status, String body) {}

    /** Loopback HTTP with the JDK's plain client; every call bounded in time. */
    private record Client(int port) {

        void awaitLive() throws InterruptedException {
            for (int attempt = 0; attempt < 300; attempt++) {
                try {
                    if (get("/health/live") == 200) {
                        return;
                    }
                } catch (UncheckedIOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the training server did not come up within 30 s");
        }

        int get(String path) {
            return call("GET", path, null).status();
        }

        /** Sends a request; an unexpected status means the server no longer behaves as trained, which stops the run. */
        void expect(int status, String method, String path, String body) {
            Answer answer = call(method, path, body);
            if (answer.status() != status) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.status() + " instead of "
                        + status + " in the training run: " + answer.body());
            }
        }

        private Answer call(String method, String path, String body) {
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
                connection.setConnectTimeout(5_000);
                connection.setReadTimeout(30_000);
                connection.setRequestMethod(method);
                if (body != null) {
                    connection.setDoOutput(true);
                    connection.setRequestProperty("Content-Type", "application/json");
                    try (OutputStream out = connection.getOutputStream()) {
                        out.write(body.getBytes(StandardCharsets.UTF_8));
                    }
                }
                int status = connection.getResponseCode();
                try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                    return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
