package dev.meshprov.http.e2e;

import static dev.meshprov.http.e2e.InfoEntries.link;
import static dev.meshprov.http.e2e.InfoEntries.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.mwaa.LocalS3;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The MWAA technology through the HTTP API on S3 ({@code mwaa.store: s3} against S3Mock on loopback): the example
 * request provisions into the bucket it names, or into the bucket its environment is configured to use instead.
 */
class MwaaOnS3EndToEndTest {

    private static final String EXAMPLE_BUCKET = "finance-mwaa-dev";
    private static final String CONFIGURED_BUCKET = "airflow-development";
    private static final String DAG_ID = "finance_cashflow_1_cashflow_daily";
    private static final String DAG_FILE = DAG_ID + ".py";
    private static final String DESCRIPTOR_FILE = "finance_cashflow_1_descriptor.yaml";
    private static final String STAGED_FILE = "finance.cashflow.1.cashflow_daily.py";
    private static final JsonNode REQUEST = Examples.request("mwaa-provision-request.json");

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(EXAMPLE_BUCKET, CONFIGURED_BUCKET);

    private static S3Client s3;

    @TempDir
    Path workingDirectory;

    @BeforeAll
    static void client() {
        s3 = LocalS3.client(LocalS3.endpoint(S3));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    /** The server with an {@code mwaa} section for S3Mock, plus {@code more} configuration. */
    private TestServer start(String more) {
        String config =
                """
                server:
                  host: 127.0.0.1
                  port: 0
                mwaa:
                  store: s3
                  s3:
                    region: %s
                    endpoint: %s
                    pathStyle: true
                    maxAttempts: 1
                %s"""
                        .formatted(LocalS3.REGION, LocalS3.endpoint(S3), more);
        return TestServer.start(
                config,
                BootstrapOptions.defaults()
                        .withWorkingDirectory(workingDirectory)
                        .withProviders(List.of(LocalS3.provider())),
                List.of());
    }

    @Test
    void theExampleIsProvisionedIntoItsBucketAndUnprovisioned() {
        String dag = Examples.text("airflow/cashflow_daily.py");
        put(EXAMPLE_BUCKET, "source/" + STAGED_FILE, dag);
        try (TestServer server = start(
                """
                  allowedBuckets: [finance-mwaa-dev]
                  environments:
                    development:
                      airflowUiUrl: https://airflow.example.org/
                """)) {
            var client = server.client();

            assertThat(client.post("/v1/validate", REQUEST).json().path("valid").asBoolean())
                    .isTrue();
            ApiResponse provisioned = client.post("/v1/provision", REQUEST);

            assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(200);
            JsonNode body = provisioned.json();
            assertThat(body.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(read(EXAMPLE_BUCKET, "dags/" + DAG_FILE)).contains(dag);
            assertThat(read(EXAMPLE_BUCKET, "dags/" + DESCRIPTOR_FILE).map(Examples::yaml))
                    .contains(Examples.dataProductOf(REQUEST));
            JsonNode publicInfo = body.path("info").path("publicInfo");
            assertThat(publicInfo.path("dagLocation"))
                    .isEqualTo(text("DAG file", "s3://finance-mwaa-dev/dags/" + DAG_FILE));
            assertThat(publicInfo.path("airflowUi"))
                    .isEqualTo(link("Airflow UI", DAG_ID, "https://airflow.example.org/dags/" + DAG_ID + "/grid"));
            assertThat(publicInfo.path("schedule")).isEqualTo(text("Schedule", "0 6 * * *"));
            JsonNode privateInfo = body.path("info").path("privateInfo");
            assertThat(privateInfo.path("store").asText()).isEqualTo("S3");
            assertThat(privateInfo.path("bucket").asText()).isEqualTo(EXAMPLE_BUCKET);
            assertThat(privateInfo.path("stagingKey").asText()).isEqualTo("source/" + STAGED_FILE);
            assertThat(privateInfo.path("dagKey").asText()).isEqualTo("dags/" + DAG_FILE);

            ApiResponse unprovisioned = client.post("/v1/unprovision", REQUEST);

            assertThat(unprovisioned.status()).as(unprovisioned.body()).isEqualTo(200);
            assertThat(unprovisioned.json().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(read(EXAMPLE_BUCKET, "dags/" + DAG_FILE)).isEmpty();
            assertThat(read(EXAMPLE_BUCKET, "dags/" + DESCRIPTOR_FILE)).isEmpty();
            assertThat(read(EXAMPLE_BUCKET, "source/" + STAGED_FILE)).contains(dag);
        }
    }

    @Test
    void theEnvironmentsBucketAndFoldersOverrideTheDescriptors() {
        String dag = Examples.text("airflow/cashflow_daily.py");
        put(CONFIGURED_BUCKET, "ci/" + STAGED_FILE, dag);
        try (TestServer server = start(
                """
                  environments:
                    development:
                      bucket: airflow-development
                      sourcePath: ci/
                      destinationPath: airflow/dags/
                """)) {
            var client = server.client();

            ApiResponse provisioned = client.post("/v1/provision", REQUEST);

            assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(200);
            assertThat(provisioned.json().path("info").path("publicInfo").path("dagLocation"))
                    .isEqualTo(text("DAG file", "s3://airflow-development/airflow/dags/" + DAG_FILE));
            assertThat(provisioned.json().path("logs"))
                    .extracting(log -> log.path("phase").asText())
                    .contains("config");
            assertThat(read(CONFIGURED_BUCKET, "airflow/dags/" + DAG_FILE)).contains(dag);
            assertThat(read(EXAMPLE_BUCKET, "dags/" + DAG_FILE))
                    .as("the descriptor's bucket is not used")
                    .isEmpty();

            assertThat(client.post("/v1/unprovision", REQUEST)
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("COMPLETED");
            assertThat(read(CONFIGURED_BUCKET, "airflow/dags/" + DAG_FILE)).isEmpty();
        }
    }

    private static void put(String bucket, String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    private static Optional<String> read(String bucket, String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
