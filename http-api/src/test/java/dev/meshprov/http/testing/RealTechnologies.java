package dev.meshprov.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.airbyte.AirbyteTechnologyProvider;
import dev.meshprov.airbyte.FakeAirbyteServer;
import dev.meshprov.cde.CdeTechnologyProvider;
import dev.meshprov.cde.FakeCdeServer;
import dev.meshprov.cde.FakeCdpServer;
import dev.meshprov.cde.TestKeys;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.mwaa.LocalS3;
import dev.meshprov.mwaa.MwaaTechnologyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * meshprov with its three real technologies, each against its loopback upstream: MWAA on the embedded default (a
 * folder store in {@code workingDirectory}, the example DAG staged), Airbyte against {@link FakeAirbyteServer}, CDE
 * against {@link FakeCdpServer}/{@link FakeCdeServer} with its artifact in S3Mock. The example requests of
 * {@code examples/} provision as they are.
 */
public final class RealTechnologies implements AutoCloseable {

    /** The bucket of the CDE example's jar: S3Mock must be started with it. */
    public static final String ARTIFACT_BUCKET = "finance-artifacts";

    public static final String AIRBYTE_CLIENT_SECRET = "canary-fuzz-client-secret-P3kd91";
    public static final String SNOWFLAKE_PASSWORD = "canary-fuzz-snowflake-Wq82Lz";
    public static final String CDE_PASSWORD = "canary-fuzz-workload-Rt64Nb";
    public static final String AWS_SECRET = "canary-fuzz-aws-secret-Yh27Mc";

    /** Every configured secret: no response may contain one. */
    public static final List<String> CANARIES =
            List.of(AIRBYTE_CLIENT_SECRET, SNOWFLAKE_PASSWORD, CDE_PASSWORD, AWS_SECRET, TestKeys.ed25519Seed());

    /** The Airbyte workspace of the examples. */
    public static final String WORKSPACE = "5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6";
    /** The CDE workload user. */
    public static final String CDE_USER = "srv_meshprov";
    /** The key of the CDE example's jar in {@link #ARTIFACT_BUCKET}. */
    public static final String JAR_KEY = "finance/cashflow/1.0.0/cashflow-job-1.0.0.jar";

    /** The content of the CDE example's jar as {@link #uploadTheExampleJar} puts it. */
    public static final byte[] JAR = "PK\u0003\u0004 classes".getBytes(StandardCharsets.ISO_8859_1);
    /** The Airbyte UI of {@link #airbyteSection}. */
    public static final String AIRBYTE_UI_URL = "https://airbyte.example.com";

    /** The {@code server} section: loopback, any free port. */
    public static final String SERVER_SECTION =
            """
            server:
              host: 127.0.0.1
              port: 0
            """;

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeAirbyteServer airbyte;
    private final FakeCdpServer cdp;
    private final FakeCdeServer cde;
    private final TestServer server;

    public FakeCdpServer cdp() {
        return cdp;
    }

    private RealTechnologies(FakeAirbyteServer airbyte, FakeCdpServer cdp, FakeCdeServer cde, TestServer server) {
        this.airbyte = airbyte;
        this.cdp = cdp;
        this.cde = cde;
        this.server = server;
    }

    /** The execution modes of the product's defaults: Airbyte and CDE async, MWAA sync. */
    public static final String DEFAULT_MODES = "default";

    /**
     * Starts the upstreams and the server.
     *
     * @param mode {@code sync} or {@code async}, for Airbyte and CDE (MWAA keeps its default, sync), or
     *     {@link #DEFAULT_MODES} to leave every technology at its default
     * @param workingDirectory MWAA's folder store lives here
     * @param s3 the S3Mock endpoint, with {@link #ARTIFACT_BUCKET}
     * @param extraConfig appended to the configuration, e.g. a {@code tasks} section
     */
    public static RealTechnologies start(String mode, Path workingDirectory, URI s3, String extraConfig) {
        return start(mode, workingDirectory, s3, extraConfig, List.of());
    }

    /** Like {@link #start(String, Path, URI, String)}, with {@code server.auth.tokens} when tokens are given. */
    public static RealTechnologies start(
            String mode, Path workingDirectory, URI s3, String extraConfig, List<String> authTokens) {
        stageTheExampleDag(workingDirectory);
        uploadTheExampleJar(s3);
        FakeAirbyteServer airbyte = FakeAirbyteServer.start()
                .workspace(WORKSPACE, "finance")
                .requireClientCredentials("meshprov", AIRBYTE_CLIENT_SECRET, 3600);
        FakeCdeServer cde = FakeCdeServer.create(CDE_USER, CDE_PASSWORD, Clock.systemUTC());
        FakeCdpServer cdp = FakeCdpServer.create(TestKeys.ACCESS_KEY_ID, TestKeys.ED25519.getPublic(), "Ed25519");
        cdp.addService("finance-de", "ClusterCreationCompleted", cde.hostAndPort());
        cdp.addVc("finance-de", "finance-vc", "AppInstalled", cde.apiUrl());
        String config = config(mode, airbyte, cdp, s3) + extraConfig;
        if (!authTokens.isEmpty()) {
            config = config.replace(
                    "  port: 0\n", "  port: 0\n  auth:\n    tokens: [" + String.join(", ", authTokens) + "]\n");
        }
        TestServer server = serve(config, workingDirectory, CANARIES);
        return new RealTechnologies(airbyte, cdp, cde, server);
    }

    /** A server with the real MWAA, Airbyte and CDE technologies, configured by {@code config}. */
    public static TestServer serve(String config, Path workingDirectory, List<String> canaries) {
        return TestServer.start(
                config,
                BootstrapOptions.defaults()
                        .withWorkingDirectory(workingDirectory)
                        .withProviders(List.of(
                                new MwaaTechnologyProvider(),
                                new AirbyteTechnologyProvider(),
                                new CdeTechnologyProvider())),
                canaries);
    }

    private static String config(String mode, FakeAirbyteServer airbyte, FakeCdpServer cdp, URI s3) {
        return SERVER_SECTION
                + airbyteSection(mode, airbyte.apiUrl(), AIRBYTE_CLIENT_SECRET)
                + cdeSection(mode, cdp.url(), s3);
    }

    /**
     * The {@code airbyte} section for an Airbyte at {@code apiUrl}, workspace {@link #WORKSPACE}, client credentials
     * {@code meshprov} / {@code clientSecret}, short time-outs and quick retries.
     */
    public static String airbyteSection(String mode, String apiUrl, String clientSecret) {
        return """
                airbyte:
                  enabled: true
                %s  apiUrl: %s
                  uiUrl: %s
                  workspaceId: %s
                  auth: {type: clientCredentials, clientId: meshprov, clientSecret: %s}
                  snowflake:
                    host: acme.snowflakecomputing.com
                    role: AIRBYTE_ROLE
                    warehouse: AIRBYTE_WH
                    username: AIRBYTE_USER
                    password: %s
                  timeouts: {connect: 2s, read: 5s}
                  retries: {maxAttempts: 3, initialBackoff: 1ms, maxBackoff: 5ms}
                """
                .formatted(modeLine(mode), apiUrl, AIRBYTE_UI_URL, WORKSPACE, clientSecret, SNOWFLAKE_PASSWORD);
    }

    /**
     * The {@code cde} section for a CDP control plane at {@code cdpUrl} (signed with {@link TestKeys}), the
     * workload user {@code srv_meshprov} and artifacts in the S3 at {@code s3}, with short time-outs.
     */
    public static String cdeSection(String mode, String cdpUrl, URI s3) {
        return """
                cde:
                  enabled: true
                %s  cdp:
                    endpoint: %s
                    accessKeyId: %s
                    privateKey: %s
                  workload:
                    user: %s
                    password: %s
                  aws:
                    region: %s
                    endpoint: %s
                    pathStyleAccess: true
                    accessKeyId: test-access-key
                    secretAccessKey: %s
                  tokenUrl: "http://{clusterFqdn}%s"
                  timeouts: {connect: 2s, read: 5s}
                  retries: {maxAttempts: 3, initialBackoff: 1ms, maxBackoff: 5ms}
                """
                .formatted(
                        modeLine(mode),
                        cdpUrl,
                        TestKeys.ACCESS_KEY_ID,
                        TestKeys.ed25519Seed(),
                        CDE_USER,
                        CDE_PASSWORD,
                        LocalS3.REGION,
                        s3,
                        AWS_SECRET,
                        FakeCdeServer.TOKEN_PATH);
    }

    private static String modeLine(String mode) {
        return mode.equals(DEFAULT_MODES) ? "" : "  mode: " + mode + "\n";
    }

    private static void stageTheExampleDag(Path workingDirectory) {
        try {
            Path staging = workingDirectory.resolve("airflow/staging/finance.cashflow.1.cashflow_daily.py");
            Files.createDirectories(staging.getParent());
            Files.copy(EXAMPLES.resolve("airflow/cashflow_daily.py"), staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the CDE example's jar into {@link #ARTIFACT_BUCKET} of the S3 at {@code s3}. */
    public static void uploadTheExampleJar(URI s3) {
        try (S3Client client = LocalS3.client(s3)) {
            client.putObject(b -> b.bucket(ARTIFACT_BUCKET).key(JAR_KEY), RequestBody.fromBytes(JAR));
        }
    }

    /** The example ProvisioningRequests of MWAA, Airbyte and CDE. */
    public static List<JsonNode> exampleRequests() {
        return List.of(
                example("mwaa-provision-request.json"),
                example("airbyte-provision-request.json"),
                example("cde-provision-request.json"));
    }

    public static JsonNode example(String name) {
        try {
            return JSON.readTree(Files.readString(EXAMPLES.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestServer server() {
        return server;
    }

    public FakeAirbyteServer airbyte() {
        return airbyte;
    }

    public FakeCdeServer cde() {
        return cde;
    }

    /** Closes the server and every upstream, even when one fails; then throws the first failure. */
    @Override
    public void close() {
        Resources.closeAll(server, airbyte, cdp, cde);
    }
}
