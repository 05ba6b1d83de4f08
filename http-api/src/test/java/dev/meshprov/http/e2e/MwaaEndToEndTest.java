package dev.meshprov.http.e2e;

import static dev.meshprov.http.e2e.InfoEntries.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.mwaa.MwaaTechnologyProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MWAA technology through the HTTP API on the embedded default: no {@code mwaa} section, so DAGs go from
 * {@code <working directory>/airflow/staging} to {@code <working directory>/airflow/dags}. The example request
 * {@code examples/mwaa-provision-request.json} is sent unchanged, after the example DAG was staged as the
 * component's CI pipeline would.
 */
class MwaaEndToEndTest {

    private static final String DAG_ID = "finance_cashflow_1_cashflow_daily";
    private static final String STAGING = "airflow/staging/finance.cashflow.1.cashflow_daily.py";
    private static final String DAG = "airflow/dags/" + DAG_ID + ".py";
    private static final String DESCRIPTOR = "airflow/dags/finance_cashflow_1_descriptor.yaml";
    private static final String SERVER =
            """
            server:
              host: 127.0.0.1
              port: 0
            """;

    private static final JsonNode REQUEST = Examples.request("mwaa-provision-request.json");

    @TempDir
    Path workingDirectory;

    private TestServer server;
    private ApiClient client;

    /** Stages the example DAG, then starts the server with {@code config} in the working directory. */
    private void start(String config) throws IOException {
        Path staging = workingDirectory.resolve(STAGING);
        Files.createDirectories(staging.getParent());
        Files.copy(Examples.file("airflow/cashflow_daily.py"), staging);
        server = TestServer.start(
                config,
                BootstrapOptions.defaults()
                        .withWorkingDirectory(workingDirectory)
                        .withProviders(List.of(new MwaaTechnologyProvider())),
                List.of());
        client = server.client();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Path path(String relative) {
        return workingDirectory.resolve(relative);
    }

    @Nested
    class SyncByDefault {

        @BeforeEach
        void embeddedDefault() throws IOException {
            start(SERVER);
        }

        @Test
        void theExampleValidatesAndProvisionsTheStagedDagWithItsDescriptorFile() throws IOException {
            ApiResponse validation = client.post("/v1/validate", REQUEST);

            assertThat(validation.status()).isEqualTo(200);
            assertThat(validation.json()).isEqualTo(Examples.json("{\"valid\":true}"));

            ApiResponse provisioned = client.post("/v1/provision", REQUEST);

            assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(200);
            assertThat(provisioned.mediaType()).isEqualTo("application/json");
            JsonNode body = provisioned.json();
            assertThat(body.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(body.path("result").asText()).isEqualTo("DAG " + DAG_ID + " deployed to " + path(DAG));
            assertThat(path(DAG)).hasSameBinaryContentAs(path(STAGING));
            assertThat(Examples.yaml(Files.readString(path(DESCRIPTOR)))).isEqualTo(Examples.dataProductOf(REQUEST));
            assertThat(body.path("logs"))
                    .extracting(log -> log.path("phase").asText())
                    .contains("staging", "descriptor", "copy", "done");
        }

        @Test
        void infoShowsTheDagAndRecordsItsKeys() {
            JsonNode info = client.post("/v1/provision", REQUEST).json().path("info");

            JsonNode publicInfo = info.path("publicInfo");
            assertThat(publicInfo.path("dagId")).isEqualTo(text("DAG id", DAG_ID));
            assertThat(publicInfo.path("dagLocation"))
                    .isEqualTo(text("DAG file", path(DAG).toString()));
            assertThat(publicInfo.path("schedule")).isEqualTo(text("Schedule", "0 6 * * *"));
            assertThat(publicInfo.path("descriptorFile"))
                    .isEqualTo(text(
                            "Data product descriptor file", path(DESCRIPTOR).toString()));
            assertThat(publicInfo.path("deployedAt").path("type").asText()).isEqualTo("date");
            assertThat(publicInfo.path("deployedAt").path("label").asText()).isEqualTo("DAG file deployed at");
            assertThat(publicInfo.has("airflowUi"))
                    .as("no airflowUiUrl is configured")
                    .isFalse();

            JsonNode privateInfo = info.path("privateInfo");
            assertThat(privateInfo.path("store").asText()).isEqualTo("filesystem");
            assertThat(privateInfo.has("bucket"))
                    .as("the folder store ignores buckets")
                    .isFalse();
            assertThat(privateInfo.path("stagingKey").asText())
                    .isEqualTo("staging/finance.cashflow.1.cashflow_daily.py");
            assertThat(privateInfo.path("dagKey").asText()).isEqualTo("dags/" + DAG_ID + ".py");
            assertThat(privateInfo.path("descriptorKey").asText()).isEqualTo("dags/finance_cashflow_1_descriptor.yaml");
            assertThat(privateInfo.path("dagId").asText()).isEqualTo(DAG_ID);
            assertThat(privateInfo.path("dagEtag").asText())
                    .isNotBlank()
                    .isEqualTo(privateInfo.path("stagingEtag").asText());
            assertThat(privateInfo.path("deployedAt").asText())
                    .isEqualTo(publicInfo.path("deployedAt").path("value").asText());
        }

        @Test
        void provisioningAgainChangesNothing() throws IOException {
            JsonNode first = client.post("/v1/provision", REQUEST).json();
            String deployed = Files.readString(path(DAG));
            String descriptor = Files.readString(path(DESCRIPTOR));

            ApiResponse again = client.post("/v1/provision", REQUEST);

            assertThat(again.status()).isEqualTo(200);
            JsonNode body = again.json();
            assertThat(body.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(body.path("logs"))
                    .extracting(log -> log.path("message").asText())
                    .contains(
                            "Data product descriptor file " + path(DESCRIPTOR) + " is unchanged",
                            "DAG file " + path(DAG) + " is unchanged: already deployed from the staging file's ETag "
                                    + first.path("info")
                                            .path("privateInfo")
                                            .path("stagingEtag")
                                            .asText())
                    .noneMatch(message -> message.startsWith("Created") || message.startsWith("Updated"));
            assertThat(body.path("info").path("privateInfo").path("dagEtag"))
                    .isEqualTo(first.path("info").path("privateInfo").path("dagEtag"));
            assertThat(path(DAG)).hasContent(deployed);
            assertThat(path(DESCRIPTOR)).hasContent(descriptor);
        }

        @Test
        void theTechnologysPrefixServesTheSameComponent() {
            ApiResponse validation = client.post("/mwaa/v1/validate", REQUEST);
            ApiResponse provisioned = client.post("/mwaa/v1/provision", REQUEST);

            assertThat(validation.json().path("valid").asBoolean()).isTrue();
            assertThat(provisioned.status()).isEqualTo(200);
            assertThat(provisioned.json().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(path(DAG)).hasSameBinaryContentAs(path(STAGING));

            ApiResponse unprovisioned = client.post("/mwaa/v1/unprovision", REQUEST);

            assertThat(unprovisioned.status()).isEqualTo(200);
            assertThat(unprovisioned.json().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(path(DAG)).doesNotExist();
        }

        @Test
        void unprovisionRemovesTheDagAndItsDescriptorAndCanBeRepeated() {
            client.post("/v1/provision", REQUEST);
            assertThat(REQUEST.path("removeData").asBoolean()).isFalse();

            ApiResponse unprovisioned = client.post("/v1/unprovision", REQUEST);

            assertThat(unprovisioned.status()).as(unprovisioned.body()).isEqualTo(200);
            JsonNode body = unprovisioned.json();
            assertThat(body.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(body.path("result").asText()).isEqualTo("DAG " + DAG_ID + " removed from " + path(DAG));
            assertThat(path(DAG)).doesNotExist();
            assertThat(path(DESCRIPTOR))
                    .as("no other DAG of the data product remains")
                    .doesNotExist();
            assertThat(path(STAGING))
                    .as("the staging file is the CI's, not ours")
                    .exists();

            ApiResponse again = client.post("/v1/unprovision", REQUEST);

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(again.json().path("logs"))
                    .extracting(log -> log.path("message").asText())
                    .contains("DAG file " + path(DAG) + " is already absent");
        }
    }

    @Nested
    class AsyncByConfiguration {

        @BeforeEach
        void asyncMode() throws IOException {
            start(SERVER + """
                    mwaa:
                      mode: async
                    """);
        }

        @Test
        void provisionAndUnprovisionAnswerWithATokenAndCompleteWhenPolled() {
            JsonNode provisioned = AsyncTasks.run(client, "/v1/provision", REQUEST);

            assertThat(provisioned.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(provisioned.path("result").asText()).isEqualTo("DAG " + DAG_ID + " deployed to " + path(DAG));
            assertThat(provisioned.path("info").path("publicInfo").path("dagId"))
                    .isEqualTo(text("DAG id", DAG_ID));
            assertThat(path(DAG)).hasSameBinaryContentAs(path(STAGING));

            JsonNode unprovisioned = AsyncTasks.run(client, "/v1/unprovision", REQUEST);

            assertThat(unprovisioned.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(path(DAG)).doesNotExist();
            assertThat(path(DESCRIPTOR)).doesNotExist();
        }
    }
}
