package dev.meshprov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.airbyte.FakeAirbyteServer;
import dev.meshprov.cde.FakeCdeServer;
import dev.meshprov.cde.FakeCdpServer;
import dev.meshprov.cde.TestKeys;
import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliProcess;
import dev.meshprov.cli.testing.CliRun;
import dev.meshprov.cli.testing.Examples;
import dev.meshprov.cli.testing.ServeProcess;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.mwaa.LocalS3;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The runnable jar as shipped ({@code target/meshprov.jar}, run by the build's {@code integration-test} phase after
 * the shade plugin wrote it): every technology against its loopback upstream — MWAA's DAG store in S3 (S3Mock),
 * Airbyte, CDP/CDE with its artifact in S3 —, {@code validate}, {@code provision}, {@code unprovision}, {@code
 * serve} with the H2 task store, logging at debug and the PostgreSQL driver. What the shade plugin's filters leave
 * out of the jar (cli/pom.xml) must not be needed by any of these: a class or resource one of them loads makes it
 * fail here.
 *
 * <p>{@code -DshadedJar.jvmOptions="-Xlog:class+load:file=/tmp/cl-%p.txt"} passes JVM options to every process,
 * e.g. to list the classes they load when reviewing the filters.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "meshprov.jar");
    private static final String DAG_BUCKET = "finance-mwaa-dev";
    private static final String STAGED_DAG = "source/finance.cashflow.1.cashflow_daily.py";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a class or resource left out of the jar, or a broken service registration, would print. */
    private static final List<String> MISSING = List.of(
            "NoClassDefFoundError",
            "ClassNotFoundException",
            "NoSuchMethodError",
            "VerifyError",
            "ServiceConfigurationError",
            "MissingResourceException",
            "No SLF4J providers",
            "SLF4J(W)");

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(RealTechnologies.ARTIFACT_BUCKET, DAG_BUCKET);

    @TempDir
    Path directory;

    private final List<AutoCloseable> upstreams = new ArrayList<>();
    private FakeAirbyteServer airbyte;
    private FakeCdpServer cdp;
    private Cli cli;

    @BeforeEach
    void startTheUpstreams() {
        assertThat(JAR).as("the shade plugin writes it in the package phase").isRegularFile();
        URI s3 = LocalS3.endpoint(S3);
        RealTechnologies.uploadTheExampleJar(s3);
        try (S3Client client = LocalS3.client(s3)) {
            client.putObject(
                    b -> b.bucket(DAG_BUCKET).key(STAGED_DAG),
                    RequestBody.fromString(Examples.read("airflow/cashflow_daily.py")));
        }
        airbyte = keep(FakeAirbyteServer.start()
                .workspace(RealTechnologies.WORKSPACE, "finance")
                .requireClientCredentials("meshprov", RealTechnologies.AIRBYTE_CLIENT_SECRET, 3600));
        FakeCdeServer cde =
                keep(FakeCdeServer.create(RealTechnologies.CDE_USER, RealTechnologies.CDE_PASSWORD, Clock.systemUTC()));
        cdp = keep(FakeCdpServer.create(TestKeys.ACCESS_KEY_ID, TestKeys.ED25519.getPublic(), "Ed25519"));
        cdp.addService("finance-de", "ClusterCreationCompleted", cde.hostAndPort());
        cdp.addVc("finance-de", "finance-vc", "AppInstalled", cde.apiUrl());
        cli = Cli.in(directory);
        cli.write("meshprov.yaml", configuration("sync", ""));
    }

    @AfterEach
    void stopTheUpstreams() throws Exception {
        for (AutoCloseable upstream : upstreams) {
            upstream.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mwaa-component.yaml", "airbyte-component.yaml", "cde-component.yaml"})
    void validatesEachTechnologysExampleAgainstItsUpstream(String example) {
        CliRun run = jar(Map.of(), "validate", example);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertNothingMissing(run.stdout() + run.stderr());
    }

    @Test
    void provisionsAndUnprovisionsTheMwaaExampleInItsS3DagStore() {
        CliRun provisioned = jar(Map.of(), "provision", "mwaa-component.yaml");
        assertThat(provisioned.exitCode()).as(provisioned.describe()).isZero();
        assertThat(dags()).as("the DAG deployed to the bucket").isNotEmpty();

        CliRun unprovisioned = jar(Map.of(), "unprovision", "mwaa-component.yaml");
        assertThat(unprovisioned.exitCode()).as(unprovisioned.describe()).isZero();
        assertThat(dags()).isEmpty();
        assertNothingMissing(
                provisioned.stdout() + provisioned.stderr() + unprovisioned.stdout() + unprovisioned.stderr());
    }

    @Test
    void logsTheUpstreamCallsThroughLogbackAtDebug() {
        CliRun run = jar(Map.of("MESHPROV_LOGGING_LEVEL", "debug"), "validate", "airbyte-component.yaml");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stderr())
                .contains(" INFO  [main] dev.meshprov.upstream ")
                .contains("Airbyte POST");
        assertNothingMissing(run.stdout() + run.stderr());
    }

    @Test
    void printsItsVersionAndHelp() {
        CliRun version = jar(Map.of(), "--version");
        CliRun help = jar(Map.of(), "--help");

        assertThat(version.exitCode()).as(version.describe()).isZero();
        assertThat(version.stdout()).matches("(?s).*\\d+\\.\\d+\\.\\d+.*");
        assertThat(help.exitCode()).as(help.describe()).isZero();
        assertThat(help.stdout()).contains("validate").contains("serve");
    }

    @Test
    void servesValidationProvisioningWithTheH2TaskStoreAndItsDocuments() throws Exception {
        cli.write(
                "meshprov.yaml",
                configuration(
                        RealTechnologies.DEFAULT_MODES,
                        "tasks:\n  store: jdbc\n  jdbcUrl: jdbc:h2:file:" + directory.resolve("tasks") + "\n"));
        try (ServeProcess server = ServeProcess.start(launcher(), directory, Map.of())) {
            assertThat(server.send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
            for (String example : List.of(
                    "mwaa-provision-request.json", "airbyte-provision-request.json", "cde-provision-request.json")) {
                HttpResponse<String> validated = server.send("POST", "/v1/validate", Examples.read(example));
                assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
                assertThat(JSON.readTree(validated.body()).path("valid").asBoolean())
                        .as(example + ": " + validated.body())
                        .isTrue();
            }
            HttpResponse<String> mwaa =
                    server.send("POST", "/v1/provision", Examples.read("mwaa-provision-request.json"));
            assertThat(mwaa.statusCode()).as(mwaa.body()).isEqualTo(200);
            HttpResponse<String> accepted =
                    server.send("POST", "/v1/provision", Examples.read("airbyte-provision-request.json"));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(awaitTask(server, accepted.body())).isEqualTo("COMPLETED");
            for (String document : List.of("/metrics", "/openapi.yaml", "/docs", "/docs/swagger-ui-bundle.js")) {
                assertThat(server.send("GET", document, null).statusCode())
                        .as(document)
                        .isEqualTo(200);
            }

            assertThat(server.terminate()).as("stops on SIGTERM").isTrue();
            assertNothingMissing(server.log());
        }
    }

    @Test
    void findsThePostgresqlDriverForATaskDatabaseUrl() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        cli.write(
                "meshprov.yaml",
                configuration(
                        "sync",
                        "tasks:\n  store: jdbc\n  jdbcUrl: jdbc:postgresql://127.0.0.1:" + closed
                                + "/meshprov\n  username: meshprov\n"));

        CliRun run = jar(Map.of(), "serve", "--host", "127.0.0.1", "--port", "0");

        assertThat(run.exitCode()).as(run.describe()).isNotZero();
        assertThat(run.stdout() + run.stderr())
                .as("the driver answered, not DriverManager's 'No suitable driver'")
                .doesNotContain("No suitable driver")
                .contains("127.0.0.1:" + closed);
        assertNothingMissing(run.stdout() + run.stderr());
    }

    private String configuration(String mode, String extra) {
        return """
                mwaa:
                  store: s3
                  mode: sync
                  s3:
                    region: %s
                    endpoint: %s
                    pathStyle: true
                    callTimeout: 10s
                    accessKeyId: test-access-key
                    secretAccessKey: %s
                  allowedBuckets: [%s]
                """
                        .formatted(LocalS3.REGION, LocalS3.endpoint(S3), RealTechnologies.AWS_SECRET, DAG_BUCKET)
                + RealTechnologies.airbyteSection(mode, airbyte.apiUrl(), RealTechnologies.AIRBYTE_CLIENT_SECRET)
                + RealTechnologies.cdeSection(mode, cdp.url(), LocalS3.endpoint(S3))
                + extra;
    }

    private CliRun jar(Map<String, String> environment, String... args) {
        return CliProcess.runJar(JAR, jvmOptions(), directory, environment, args);
    }

    private static List<String> launcher() {
        List<String> launcher = new ArrayList<>(jvmOptions());
        launcher.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        return launcher;
    }

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        Arrays.stream(System.getProperty("shadedJar.jvmOptions", "").trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .forEach(options::add);
        return options;
    }

    private List<String> dags() {
        try (S3Client client = LocalS3.client(LocalS3.endpoint(S3))) {
            return client.listObjectsV2(b -> b.bucket(DAG_BUCKET).prefix("dags/")).contents().stream()
                    .map(object -> object.key())
                    .toList();
        }
    }

    private static String awaitTask(ServeProcess server, String token) throws Exception {
        String status = "";
        for (int attempt = 0; attempt < 300 && !status.equals("COMPLETED") && !status.equals("FAILED"); attempt++) {
            HttpResponse<String> answer = server.send("GET", "/v1/provision/" + token + "/status", null);
            JsonNode body = JSON.readTree(answer.body());
            status = body.path("status").asText();
            if (status.equals("RUNNING")) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    private static void assertNothingMissing(String output) {
        assertThat(output).doesNotContain(MISSING.toArray(String[]::new));
    }

    private <T extends AutoCloseable> T keep(T upstream) {
        upstreams.add(upstream);
        return upstream;
    }
}
