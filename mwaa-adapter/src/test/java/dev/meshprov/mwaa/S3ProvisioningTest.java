package dev.meshprov.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Info;
import dev.meshprov.core.mwaa.MwaaTechnology;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.testing.TestRequests;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The provisioning scenarios on S3: the technology created from an {@code mwaa.store: s3} configuration. */
class S3ProvisioningTest extends ProvisioningScenarios {

    private static final String BUCKET = "finance-mwaa-dev";
    private static final String VERSIONED = "finance-mwaa-versioned";

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(BUCKET, VERSIONED);

    private static S3Client raw;

    S3ProvisioningTest() {
        super("mwaa/template-output.yaml", "source/finance.cashflow.1.cashflow_daily.py", "CopyObject", "PutObject");
    }

    @BeforeAll
    static void client() {
        raw = LocalS3.client(LocalS3.endpoint(S3));
        raw.putBucketVersioning(
                b -> b.bucket(VERSIONED).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    /** Empties the bucket and creates the technology from a {@code store: s3} configuration. */
    @Override
    protected MwaaTechnology createTechnology() {
        raw.listObjectsV2Paginator(b -> b.bucket(BUCKET))
                .contents()
                .forEach(o -> raw.deleteObject(b -> b.bucket(BUCKET).key(o.key())));
        return Configs.technology(
                """
                store: s3
                s3:
                  region: us-east-1
                  endpoint: %s
                  pathStyle: true
                  maxAttempts: 1
                allowedBuckets: [finance-mwaa-dev, finance-mwaa-versioned]
                environments:
                  development:
                    airflowUiUrl: https://airflow.example.org/
                """
                        .formatted(LocalS3.endpoint(S3)),
                Configs.context(Path.of("."), observer));
    }

    @Override
    protected void uploadStaging(String content) {
        raw.putObject(b -> b.bucket(BUCKET).key(stagingKey()), RequestBody.fromString(content));
    }

    @Override
    protected void removeStaging() {
        raw.deleteObject(b -> b.bucket(BUCKET).key(stagingKey()));
    }

    @Override
    protected Optional<String> read(String key) {
        try {
            return Optional.of(
                    raw.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Test
    void infoLinksTheDagInTheAirflowUi() {
        uploadStaging("print(1)\n");

        Info info = provision().info().orElseThrow();

        assertThat(info.publicInfo().get("dagLocation").value())
                .isEqualTo("s3://finance-mwaa-dev/dags/finance_cashflow_1_cashflow_daily.py");
        assertThat(info.publicInfo().get("airflowUi").value()).isEqualTo("finance_cashflow_1_cashflow_daily");
        assertThat(((dev.meshprov.core.model.InfoEntry.Link) info.publicInfo().get("airflowUi")).href())
                .isEqualTo("https://airflow.example.org/dags/finance_cashflow_1_cashflow_daily/grid");
    }

    @Test
    void onAVersionedBucketTheDeployedStagingVersionIsRecorded() {
        ComponentRequest versioned = versionedRequest();
        String first = raw.putObject(b -> b.bucket(VERSIONED).key(stagingKey()), RequestBody.fromString("print(1)\n"))
                .versionId();

        Info info = technology()
                .provision(technology().validate(versioned, Operation.PROVISION).get(), log)
                .get()
                .info()
                .orElseThrow();
        String second = raw.putObject(b -> b.bucket(VERSIONED).key(stagingKey()), RequestBody.fromString("print(2)\n"))
                .versionId();
        Info again = technology()
                .provision(technology().validate(versioned, Operation.PROVISION).get(), log)
                .get()
                .info()
                .orElseThrow();

        assertThat(info.privateInfo()).containsEntry("stagingVersionId", first).containsKey("dagVersionId");
        assertThat(again.privateInfo()).containsEntry("stagingVersionId", second);
        assertThat(raw.getObjectAsBytes(b -> b.bucket(VERSIONED).key(dagKey())).asUtf8String())
                .isEqualTo("print(2)\n");
    }

    @Test
    void readinessAsksTheConfiguredBuckets() {
        assertThat(technology().readiness().ready()).isTrue();
        assertThat(observer.count("HeadBucket")).isEqualTo(2);
    }

    private static ComponentRequest versionedRequest() {
        return TestRequests.componentRequest(TestRequests.resource("mwaa/template-output.yaml")
                .replace("bucketName: finance-mwaa-dev", "bucketName: finance-mwaa-versioned"));
    }
}
