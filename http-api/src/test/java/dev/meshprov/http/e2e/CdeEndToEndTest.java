package dev.meshprov.http.e2e;

import static dev.meshprov.http.e2e.InfoEntries.link;
import static dev.meshprov.http.e2e.InfoEntries.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.cde.CdeTechnologyProvider;
import dev.meshprov.cde.FakeCdeServer;
import dev.meshprov.cde.FakeCdpServer;
import dev.meshprov.cde.TestKeys;
import dev.meshprov.core.cde.ResourceNames;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.mwaa.LocalS3;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CDE technology through the HTTP API, asynchronous as by default: the CDE component of
 * {@code examples/cde-provision-request.json} provisioned and unprovisioned against the CDE adapter's loopback
 * servers (a CDP control plane that verifies every request's signature, a CDE service with Knox and a stateful jobs
 * API) and S3Mock holding the example's application jar.
 */
class CdeEndToEndTest {

    private static final String SERVICE = "finance-de";
    private static final String VC = "finance-vc";
    private static final String JOB = "finance-cashflow-1-cashflow-job-development";
    private static final String FILES = ResourceNames.files(JOB);
    private static final String ARTIFACT_BUCKET = RealTechnologies.ARTIFACT_BUCKET;
    private static final String JAR_KEY = RealTechnologies.JAR_KEY;
    private static final byte[] JAR = RealTechnologies.JAR;
    private static final String USER = RealTechnologies.CDE_USER;
    private static final String PASSWORD = RealTechnologies.CDE_PASSWORD;
    private static final String AWS_SECRET = RealTechnologies.AWS_SECRET;
    /** A line of the {@code cde} section: no discovery cache, so each step sees the fakes as they are now. */
    private static final String NO_DISCOVERY_CACHE = "  discoveryCacheTtl: 0s\n";

    private static final JsonNode REQUEST = Examples.request("cde-provision-request.json");

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(ARTIFACT_BUCKET);

    private FakeCdpServer cdp;
    private FakeCdeServer cde;
    private TestServer server;
    private ApiClient client;

    @BeforeAll
    static void uploadTheExamplesArtifact() {
        RealTechnologies.uploadTheExampleJar(LocalS3.endpoint(S3));
    }

    @BeforeEach
    void start() {
        cdp = FakeCdpServer.create(TestKeys.ACCESS_KEY_ID, TestKeys.ED25519.getPublic(), "Ed25519");
        cde = FakeCdeServer.create(USER, PASSWORD, Clock.systemUTC());
        cdp.addService(SERVICE, "ClusterCreationCompleted", cde.hostAndPort());
        cdp.addVc(SERVICE, VC, "AppInstalled", cde.apiUrl());
        server = TestServer.start(
                config(),
                BootstrapOptions.defaults().withProviders(List.of(new CdeTechnologyProvider())),
                List.of(PASSWORD, AWS_SECRET, TestKeys.ed25519Seed()));
        client = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
        cdp.close();
        cde.close();
    }

    /** The {@code cde} section of the full-stack tests at its default mode (async), without discovery cache. */
    private String config() {
        return RealTechnologies.SERVER_SECTION
                + RealTechnologies.cdeSection(RealTechnologies.DEFAULT_MODES, cdp.url(), LocalS3.endpoint(S3))
                + NO_DISCOVERY_CACHE;
    }

    @Test
    void theExampleJobIsProvisionedAsynchronouslyAndUnprovisioned() {
        assertThat(client.post("/v1/validate", REQUEST).json()).isEqualTo(Examples.json("{\"valid\":true}"));

        JsonNode provisioned = AsyncTasks.completed(client, "/v1/provision", REQUEST);
        assertThat(provisioned.path("result").asText())
                .startsWith("CDE job " + JOB + " provisioned in virtual cluster " + VC + " of CDE service " + SERVICE);
        JsonNode job = cde.job(JOB).orElseThrow();
        assertThat(job.path("type").asText()).isEqualTo("spark");
        assertThat(job.path("spark").path("className").asText()).isEqualTo("org.example.cashflow.CashflowJob");
        assertThat(job.path("mounts").get(0).path("resourceName").asText()).isEqualTo(FILES);
        assertThat(job.path("schedule").path("cronExpression").asText()).isEqualTo("30 6 * * *");
        assertThat(cde.hasResource(FILES)).isTrue();
        assertThat(cde.file(FILES, "cashflow-job-1.0.0.jar").orElseThrow().content())
                .isEqualTo(JAR);

        JsonNode unprovisioned = AsyncTasks.completed(client, "/v1/unprovision", REQUEST);
        assertThat(unprovisioned.path("result").asText())
                .isEqualTo("CDE job " + JOB + " and its resources removed from virtual cluster " + VC
                        + " of CDE service " + SERVICE);
        assertThat(cde.job(JOB)).isEmpty();
        assertThat(cde.hasResource(FILES)).isFalse();
    }

    @Test
    void infoShowsTheJobAndRecordsItsIds() {
        JsonNode info = AsyncTasks.run(client, "/v1/provision", REQUEST).path("info");

        JsonNode publicInfo = info.path("publicInfo");
        assertThat(publicInfo.path("jobName")).isEqualTo(text("CDE job", JOB));
        assertThat(publicInfo.path("virtualCluster")).isEqualTo(text("Virtual cluster", VC));
        assertThat(publicInfo.path("cdeService")).isEqualTo(text("CDE service", SERVICE));
        assertThat(publicInfo.path("jobLink"))
                .isEqualTo(link("Job in CDE", JOB, "https://ui.example/" + VC + "/dex/ui/jobs/" + JOB));
        assertThat(publicInfo.path("schedule")).isEqualTo(text("Schedule", "30 6 * * *"));
        assertThat(publicInfo.path("scheduleStart").path("type").asText()).isEqualTo("date");
        assertThat(publicInfo.path("scheduleEnd").path("type").asText()).isEqualTo("date");

        JsonNode privateInfo = info.path("privateInfo");
        assertThat(privateInfo.path("cdeService").asText()).isEqualTo(SERVICE);
        assertThat(privateInfo.path("clusterId").asText()).isEqualTo("cluster-" + SERVICE);
        assertThat(privateInfo.path("virtualCluster").asText()).isEqualTo(VC);
        assertThat(privateInfo.path("vcId").asText()).isEqualTo("vc-" + VC);
        assertThat(privateInfo.path("vcApiUrl").asText()).isEqualTo(cde.apiUrl());
        assertThat(privateInfo.path("jobName").asText()).isEqualTo(JOB);
        assertThat(privateInfo.path("filesResource").asText()).isEqualTo(FILES);
        assertThat(privateInfo.path("artifacts")).singleElement().satisfies(artifact -> {
            assertThat(artifact.path("resource").asText()).isEqualTo(FILES);
            assertThat(artifact.path("file").asText()).isEqualTo("cashflow-job-1.0.0.jar");
            assertThat(artifact.path("source").asText()).isEqualTo("s3://" + ARTIFACT_BUCKET + "/" + JAR_KEY);
            assertThat(artifact.path("size").asLong()).isEqualTo(JAR.length);
            assertThat(artifact.path("etag").asText()).isNotBlank();
        });
    }

    @Test
    void unprovisionIsSkippedWhenTheServiceIsGone() {
        AsyncTasks.run(client, "/v1/provision", REQUEST);
        cdp.removeService(SERVICE);

        JsonNode unprovisioned = AsyncTasks.completed(client, "/v1/unprovision", REQUEST);
        assertThat(unprovisioned.path("result").asText())
                .startsWith("Unprovision skipped")
                .contains("CDE Service not found");
        assertThat(unprovisioned.path("logs")).anySatisfy(log -> {
            assertThat(log.path("level").asText()).isEqualTo("WARNING");
            assertThat(log.path("message").asText()).startsWith("Nothing to delete");
        });
        assertThat(cde.job(JOB)).as("nothing was deleted").isPresent();
    }
}
