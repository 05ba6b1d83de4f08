package dev.meshprov.http.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.airbyte.AirbyteTechnologyProvider;
import dev.meshprov.airbyte.FakeAirbyteServer;
import dev.meshprov.cde.CdeTechnologyProvider;
import dev.meshprov.cde.FakeCdeServer;
import dev.meshprov.cde.FakeCdpServer;
import dev.meshprov.cde.TestKeys;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.mwaa.LocalS3;
import dev.meshprov.mwaa.MwaaTechnologyProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Upstream calls per operation and technology, counted with the {@link dev.meshprov.core.port.UpstreamObserver}
 * while each technology's example goes through the HTTP API against its loopback fake: validate, provision (first),
 * re-provision unchanged (with the info of the first run as {@code latestEnrichedDescriptor}) and unprovision. And
 * the Airbyte check that re-provisioning with the previous ids known costs the same calls whatever the workspace
 * holds (10 to 10,000 other sources and destinations).
 *
 * <p>Tagged {@code benchmark}: not part of the normal test run; {@code scripts/count-upstream-calls.sh} runs it
 * and prints the table it writes to {@code http-api/target/upstream-calls.md}.
 */
@Tag("benchmark")
class UpstreamCallCountTest {

    private static final String WORKSPACE = "5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6";
    private static final String CLIENT_SECRET = "canary-client-secret-Vb72Qx";
    private static final String CDE_SERVICE = "finance-de";
    private static final String CDE_VC = "finance-vc";
    private static final String CDE_USER = "srv_meshprov";
    private static final String CDE_PASSWORD = "canary-workload-password-Qe83vK";
    private static final String ARTIFACT_BUCKET = "finance-artifacts";
    private static final String JAR_KEY = "finance/cashflow/1.0.0/cashflow-job-1.0.0.jar";
    private static final String AIRBYTE_COMPONENT = "urn:dmb:cmp:finance:cashflow:1:deals-ingestion";
    private static final String CDE_COMPONENT = "urn:dmb:cmp:finance:cashflow:1:cashflow-job";
    private static final String MWAA_COMPONENT = "urn:dmb:cmp:finance:cashflow:1:orchestration";
    private static final List<Integer> WORKSPACE_SIZES = List.of(10, 100, 1_000, 10_000);

    private static final List<String> ROWS = new ArrayList<>();
    private static final List<String> GROWTH_ROWS = new ArrayList<>();

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(ARTIFACT_BUCKET);

    @TempDir
    Path workingDirectory;

    @Test
    void mwaaOnTheEmbeddedDefault() throws IOException {
        Path staging = workingDirectory.resolve("airflow/staging/finance.cashflow.1.cashflow_daily.py");
        Files.createDirectories(staging.getParent());
        Files.copy(Examples.file("airflow/cashflow_daily.py"), staging);
        UpstreamCallCounter counter = new UpstreamCallCounter();
        try (TestServer server = start("", new MwaaTechnologyProvider(), counter, List.of())) {
            countLifecycle(
                    "MWAA (filesystem)", server.client(), counter, "mwaa-provision-request.json", MWAA_COMPONENT);
        }
    }

    @Test
    void airbyteAgainstItsFake() {
        UpstreamCallCounter counter = new UpstreamCallCounter();
        try (FakeAirbyteServer airbyte = airbyte();
                TestServer server = start(
                        airbyteConfig(airbyte), new AirbyteTechnologyProvider(), counter, List.of(CLIENT_SECRET))) {
            countLifecycle("Airbyte", server.client(), counter, "airbyte-provision-request.json", AIRBYTE_COMPONENT);
        }
    }

    @Test
    void cdeAgainstTheCdpAndCdeFakesAndS3Mock() {
        try (S3Client s3 = LocalS3.client(LocalS3.endpoint(S3))) {
            s3.putObject(
                    b -> b.bucket(ARTIFACT_BUCKET).key(JAR_KEY),
                    RequestBody.fromBytes("PK\u0003\u0004 classes".getBytes(StandardCharsets.ISO_8859_1)));
        }
        FakeCdpServer cdp = FakeCdpServer.create(TestKeys.ACCESS_KEY_ID, TestKeys.ED25519.getPublic(), "Ed25519");
        FakeCdeServer cde = FakeCdeServer.create(CDE_USER, CDE_PASSWORD, Clock.systemUTC());
        cdp.addService(CDE_SERVICE, "ClusterCreationCompleted", cde.hostAndPort());
        cdp.addVc(CDE_SERVICE, CDE_VC, "AppInstalled", cde.apiUrl());
        UpstreamCallCounter counter = new UpstreamCallCounter();
        try (TestServer server = start(
                cdeConfig(cdp, cde),
                new CdeTechnologyProvider(),
                counter,
                List.of(CDE_PASSWORD, TestKeys.ed25519Seed()))) {
            countLifecycle("CDE", server.client(), counter, "cde-provision-request.json", CDE_COMPONENT);
        } finally {
            cdp.close();
            cde.close();
        }
    }

    @Test
    void airbyteReprovisioningCostsTheSameCallsWhateverTheWorkspaceHolds() {
        JsonNode request = Examples.request("airbyte-provision-request.json");
        Map<Integer, UpstreamCallCounter.Counts> reprovisions = new LinkedHashMap<>();
        for (int size : WORKSPACE_SIZES) {
            UpstreamCallCounter counter = new UpstreamCallCounter();
            try (FakeAirbyteServer airbyte = airbyte();
                    TestServer server = start(
                            airbyteConfig(airbyte), new AirbyteTechnologyProvider(), counter, List.of(CLIENT_SECRET))) {
                fill(airbyte, size);
                ApiClient client = server.client();
                counter.take();
                JsonNode first = run(client, "/v1/provision", request);
                UpstreamCallCounter.Counts provision = counter.take();
                run(client, "/v1/provision", Examples.withPreviousInfo(request, AIRBYTE_COMPONENT, first));
                UpstreamCallCounter.Counts reprovision = counter.take();
                reprovisions.put(size, reprovision);
                GROWTH_ROWS.add("| %,d | %d / %d | %d / %d | %s |"
                        .formatted(
                                size,
                                provision.reads(),
                                provision.writes(),
                                reprovision.reads(),
                                reprovision.writes(),
                                reprovision.operations()));
            }
        }
        UpstreamCallCounter.Counts smallest = reprovisions.get(WORKSPACE_SIZES.get(0));
        assertThat(reprovisions.values())
                .as("re-provisioning with the previous ids known: reads and writes per workspace size")
                .allSatisfy(counts -> {
                    assertThat(counts.reads()).isEqualTo(smallest.reads());
                    assertThat(counts.writes()).isEqualTo(smallest.writes());
                });
    }

    @AfterAll
    static void printTheTables() throws IOException {
        String table = String.join(
                "\n",
                "Upstream calls per operation (reads / writes / token requests; each attempt counts)",
                "",
                "| technology | operation | reads | writes | tokens | calls |",
                "|---|---|---|---|---|---|",
                String.join("\n", ROWS),
                "",
                "Airbyte: the example provisioned into a workspace already holding N other sources and destinations,"
                        + " then re-provisioned with its previous ids known (reads / writes)",
                "",
                "| N | provision (first) | re-provision | re-provision calls |",
                "|---|---|---|---|",
                String.join("\n", GROWTH_ROWS),
                "");
        System.out.println(table);
        Path report = Path.of("target", "upstream-calls.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
    }

    /** Validate, provision, re-provision unchanged and unprovision one example, a table row for each. */
    private static void countLifecycle(
            String technology, ApiClient client, UpstreamCallCounter counter, String example, String componentId) {
        JsonNode request = Examples.request(example);
        counter.take();

        ApiResponse validation = client.post("/v1/validate", request);
        assertThat(validation.json().path("valid").asBoolean())
                .as(validation.body())
                .isTrue();
        row(technology, "validate", counter.take());

        JsonNode first = run(client, "/v1/provision", request);
        row(technology, "provision (first)", counter.take());

        JsonNode enriched = Examples.withPreviousInfo(request, componentId, first);
        run(client, "/v1/provision", enriched);
        row(technology, "re-provision (unchanged)", counter.take());

        run(client, "/v1/unprovision", enriched);
        row(technology, "unprovision", counter.take());
    }

    private static void row(String technology, String operation, UpstreamCallCounter.Counts counts) {
        ROWS.add("| %s | %s | %d | %d | %d | %s |"
                .formatted(
                        technology, operation, counts.reads(), counts.writes(), counts.tokens(), counts.operations()));
    }

    /** Posts a provisioning operation and answers its final status, polling when it runs asynchronously. */
    private static JsonNode run(ApiClient client, String path, JsonNode body) {
        ApiResponse answer = client.post(path, body);
        JsonNode status = answer.status() == 202
                ? client.pollUntilFinished("/v1/provision/" + answer.body() + "/status")
                        .json()
                : answer.json();
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("COMPLETED");
        return status;
    }

    private TestServer start(
            String section, TechnologyProvider provider, UpstreamCallCounter counter, List<String> secrets) {
        return TestServer.start(
                "server: {host: 127.0.0.1, port: 0}\n" + section,
                BootstrapOptions.defaults()
                        .withWorkingDirectory(workingDirectory)
                        .withProviders(List.of(provider))
                        .withObserver(counter),
                secrets);
    }

    private static FakeAirbyteServer airbyte() {
        return FakeAirbyteServer.start()
                .workspace(WORKSPACE, "finance")
                .requireClientCredentials("meshprov", CLIENT_SECRET, 3600);
    }

    /** Other teams' sources and destinations, half each. */
    private static void fill(FakeAirbyteServer airbyte, int size) {
        ObjectNode configuration = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < size; i++) {
            airbyte.seed(i % 2 == 0 ? "sources" : "destinations", WORKSPACE, "other.team." + i, configuration);
        }
    }

    private static String airbyteConfig(FakeAirbyteServer airbyte) {
        return """
                airbyte:
                  enabled: true
                  apiUrl: %s
                  workspaceId: %s
                  auth: {type: clientCredentials, clientId: meshprov, clientSecret: %s}
                  snowflake: {host: acme.snowflakecomputing.com, role: AIRBYTE_ROLE, warehouse: AIRBYTE_WH,
                    username: AIRBYTE_USER, password: canary-snowflake-password-Hk40Lp}
                  timeouts: {connect: 2s, read: 10s}
                  retries: {maxAttempts: 2, initialBackoff: 1ms, maxBackoff: 5ms}
                """
                .formatted(airbyte.apiUrl(), WORKSPACE, CLIENT_SECRET);
    }

    private static String cdeConfig(FakeCdpServer cdp, FakeCdeServer cde) {
        return """
                cde:
                  enabled: true
                  cdp: {endpoint: %s, accessKeyId: %s, privateKey: %s}
                  workload: {user: %s, password: %s}
                  aws: {region: %s, endpoint: %s, pathStyleAccess: true, accessKeyId: test-access-key,
                    secretAccessKey: canary-aws-secret-Zt51Rm}
                  tokenUrl: "http://{clusterFqdn}%s"
                  timeouts: {connect: 2s, read: 10s}
                  retries: {maxAttempts: 2, initialBackoff: 1ms, maxBackoff: 5ms}
                """
                .formatted(
                        cdp.url(),
                        TestKeys.ACCESS_KEY_ID,
                        TestKeys.ed25519Seed(),
                        CDE_USER,
                        CDE_PASSWORD,
                        LocalS3.REGION,
                        LocalS3.endpoint(S3),
                        FakeCdeServer.TOKEN_PATH);
    }
}
