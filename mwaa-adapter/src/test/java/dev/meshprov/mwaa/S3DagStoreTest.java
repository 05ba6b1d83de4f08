package dev.meshprov.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.ObjectRef;
import dev.meshprov.core.mwaa.StoredObject;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.BlackHole;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import dev.meshprov.core.testing.S3StubServers;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** What the S3 store does beyond the contract: version pinning, metadata, observation and error translation. */
class S3DagStoreTest {

    private static final String BUCKET = "dags-bucket";
    private static final String VERSIONED = "versioned-bucket";

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(BUCKET, VERSIONED);

    private static S3Client raw;

    private final CollectingUpstreamObserver observer = new CollectingUpstreamObserver();
    private final S3DagStore store = LocalS3.store(S3, observer);

    @BeforeAll
    static void enableVersioning() {
        raw = LocalS3.client(LocalS3.endpoint(S3));
        raw.putBucketVersioning(
                b -> b.bucket(VERSIONED).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    private static String upload(String bucket, String key, String content) {
        return raw.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content))
                .versionId();
    }

    private static String content(String bucket, String key) {
        ResponseBytes<GetObjectResponse> bytes =
                raw.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        return bytes.asUtf8String();
    }

    @Test
    void aCopyOnAVersionedBucketIsPinnedToTheVersionRead() {
        ObjectRef staging = new ObjectRef(VERSIONED, "source/finance.cashflow.1.daily.py");
        ObjectRef dag = new ObjectRef(VERSIONED, "dags/finance_cashflow_1_daily.py");
        String first = upload(VERSIONED, staging.key(), "print('v1')\n");
        StoredObject read = store.head(staging).get().orElseThrow();
        upload(VERSIONED, staging.key(), "print('v2, uploaded after the HEAD')\n");

        StoredObject copied = store.copy(staging, read, dag).get();

        assertThat(read.versionId()).contains(first);
        assertThat(content(VERSIONED, dag.key())).isEqualTo("print('v1')\n");
        assertThat(copied.versionId()).isPresent();
        assertThat(store.head(dag).get().orElseThrow().origin()).contains(read.etag());
    }

    @Test
    void aCopyRecordsItsOriginAsUserMetadata() {
        ObjectRef staging = new ObjectRef(BUCKET, "source/finance.cashflow.1.meta.py");
        ObjectRef dag = new ObjectRef(BUCKET, "dags/finance_cashflow_1_meta.py");
        upload(BUCKET, staging.key(), "print('meta')\n");
        StoredObject read = store.head(staging).get().orElseThrow();

        store.copy(staging, read, dag).get();

        HeadObjectResponse head = raw.headObject(b -> b.bucket(BUCKET).key(dag.key()));
        assertThat(head.metadata()).containsEntry(S3DagStore.ORIGIN, read.etag());
        assertThat(read.versionId()).isEmpty();
    }

    @Test
    void putWritesTheContentAndItsHash() {
        ObjectRef descriptor = new ObjectRef(BUCKET, "dags/finance_cashflow_1_descriptor.yaml");

        store.put(descriptor, "id: x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/yaml")
                .get();

        assertThat(content(BUCKET, descriptor.key())).isEqualTo("id: x\n");
        assertThat(raw.headObject(b -> b.bucket(BUCKET).key(descriptor.key())).contentType())
                .startsWith("application/yaml");
    }

    @Test
    void everyAttemptIsObservedWithOperationTargetAndStatus() {
        store.head(new ObjectRef(BUCKET, "dags/missing.py"));

        assertThat(observer.calls()).singleElement().satisfies(call -> {
            assertThat(call.system()).isEqualTo("S3");
            assertThat(call.operation()).isEqualTo("HeadObject");
            assertThat(call.target()).isEqualTo(BUCKET + "/dags/missing.py");
            assertThat(call.outcome()).isEqualTo("404");
            assertThat(call.attempt()).isEqualTo(1);
        });
    }

    @Test
    void readinessAsksEachBucket() {
        Readiness ready = store.readiness(Set.of(BUCKET, VERSIONED));
        Readiness missing = store.readiness(Set.of(BUCKET, "no-such-bucket"));

        assertThat(ready.ready()).isTrue();
        assertThat(ready.detail()).contains(BUCKET).contains(VERSIONED);
        assertThat(missing.ready()).isFalse();
        assertThat(missing.detail()).contains("HeadBucket s3://no-such-bucket").contains("not found");
    }

    @Test
    void copyToAMissingBucketIsNotFoundNotInvalid() {
        ObjectRef staging = new ObjectRef(BUCKET, "source/finance.cashflow.1.nb.py");
        upload(BUCKET, staging.key(), "print(1)\n");
        StoredObject read = store.head(staging).get().orElseThrow();

        Either<UpstreamFailure, StoredObject> copied =
                store.copy(staging, read, new ObjectRef("no-such-bucket", "dags/x.py"));

        assertThat(copied.getLeft()).isInstanceOf(UpstreamFailure.NotFound.class);
        assertThat(copied.getLeft().describe()).contains("CopyObject").contains("NoSuchBucket");
    }

    // ---------------------------------------------------------------- failures of the wire

    @Test
    void aRefusedAccessKeyIsUnauthorisedNotForbidden() {
        try (S3StubServers.ErrorServer refused =
                new S3StubServers.ErrorServer(403, "InvalidAccessKeyId", "The AWS Access Key Id does not exist")) {
            S3DagStore store = LocalS3.store(refused.endpoint(), observer, new Redactor(), Duration.ofSeconds(5), 1);

            UpstreamFailure list = store.list(BUCKET, "dags/").getLeft();

            assertThat(list).isInstanceOfSatisfying(UpstreamFailure.Unauthorized.class, u -> assertThat(u.forbidden())
                    .isFalse());
            assertThat(list.describe()).contains("failed (unauthorized): InvalidAccessKeyId");
        }
    }

    @Test
    void accessDeniedIsForbidden() {
        try (S3StubServers.ErrorServer denied = new S3StubServers.ErrorServer(403, "AccessDenied", "Access Denied")) {
            S3DagStore deniedStore =
                    LocalS3.store(denied.endpoint(), observer, new Redactor(), Duration.ofSeconds(5), 1);
            ObjectRef ref = new ObjectRef(BUCKET, "dags/x.py");
            StoredObject any = new StoredObject("abc", Optional.empty(), Optional.empty());

            UpstreamFailure head = deniedStore.head(ref).getLeft();
            UpstreamFailure copy = deniedStore.copy(ref, any, ref).getLeft();
            UpstreamFailure list = deniedStore.list(BUCKET, "dags/").getLeft();

            assertThat(head).isInstanceOfSatisfying(UpstreamFailure.Unauthorized.class, u -> assertThat(u.forbidden())
                    .isTrue());
            assertThat(head.describe())
                    .startsWith("S3 HeadObject s3://dags-bucket/dags/x.py failed (forbidden)")
                    .as("a HEAD answer has no error code")
                    .contains("S3 gives no reason");
            assertThat(copy).isInstanceOfSatisfying(UpstreamFailure.Unauthorized.class, u -> assertThat(u.forbidden())
                    .isTrue());
            assertThat(copy.detail()).contains("AccessDenied: Access Denied").contains("4442587FB7D0A2F9");
            assertThat(list).isInstanceOf(UpstreamFailure.Unauthorized.class);
            assertThat(deniedStore.readiness(Set.of(BUCKET)).ready()).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({"403, AccessDenied", "403, InvalidAccessKeyId", "503, SlowDown", "500, InternalError"})
    void existsFailsExactlyAsHeadDoesInsteadOfReportingAbsence(int status, String code) {
        try (S3StubServers.ErrorServer failing = new S3StubServers.ErrorServer(status, code, "no")) {
            S3DagStore store = LocalS3.store(failing.endpoint(), observer, new Redactor(), Duration.ofSeconds(5), 1);
            ObjectRef ref = new ObjectRef(BUCKET, "staging/x.py");

            Either<UpstreamFailure, Boolean> exists = store.exists(ref);

            assertThat(exists.isLeft()).as("%s", exists).isTrue();
            assertThat(exists.getLeft()).isEqualTo(store.head(ref).getLeft());
        }
    }

    @Test
    void serverErrorsAreRetriedThenUnavailable() {
        try (S3StubServers.ErrorServer slow =
                new S3StubServers.ErrorServer(503, "SlowDown", "Please reduce your request rate.")) {
            S3DagStore retrying = LocalS3.store(slow.endpoint(), observer, new Redactor(), Duration.ofSeconds(30), 2);

            UpstreamFailure failure = retrying.list(BUCKET, "dags/").getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.detail()).contains("SlowDown");
            assertThat(slow.requests()).isEqualTo(2);
            assertThat(observer.calls()).extracting(UpstreamCall::attempt).containsExactly(1, 2);
            assertThat(observer.calls()).extracting(UpstreamCall::outcome).containsExactly("503", "503");
        }
    }

    @Test
    void aClosedPortIsUnavailable() {
        S3DagStore unreachable =
                LocalS3.store(S3StubServers.closedPort(), observer, new Redactor(), Duration.ofSeconds(5), 1);

        UpstreamFailure failure =
                unreachable.head(new ObjectRef(BUCKET, "dags/x.py")).getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
        assertThat(failure.describe())
                .contains("HeadObject s3://dags-bucket/dags/x.py")
                .contains("could not talk to S3");
        assertThat(observer.calls()).singleElement().satisfies(call -> assertThat(call.outcome())
                .isEqualTo("io-error"));
    }

    @Test
    void aConnectionNeverEstablishedTimesOutWithinTheAttempts() {
        try (BlackHole hole = new BlackHole()) {
            S3DagStore unreachable = new S3DagStore(
                    S3Clients.build(
                            new MwaaSetup.S3Settings(
                                    LocalS3.REGION,
                                    Optional.of(hole.endpoint()),
                                    true,
                                    Duration.ofMillis(300),
                                    Duration.ofSeconds(30),
                                    3),
                            observer,
                            LocalS3.testCredentials()),
                    new Redactor());

            UpstreamFailure failure =
                    unreachable.head(new ObjectRef(BUCKET, "dags/x.py")).getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.TimedOut.class);
            assertThat(failure.describe())
                    .startsWith("S3 HeadObject s3://dags-bucket/dags/x.py failed (timed out)")
                    .contains("Connect timed out");
            assertThat(observer.calls()).extracting(UpstreamCall::attempt).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aResetConnectionIsUnavailable() throws Exception {
        try (S3StubServers.RudeServer resetting = new S3StubServers.RudeServer(true)) {
            S3DagStore reset = LocalS3.store(resetting.endpoint(), observer, new Redactor(), Duration.ofSeconds(5), 1);

            UpstreamFailure failure = reset.put(new ObjectRef(BUCKET, "dags/x.py"), new byte[] {1}, "text/x-python")
                    .getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
            assertThat(failure.describe()).contains("PutObject s3://dags-bucket/dags/x.py");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (S3StubServers.RudeServer silent = new S3StubServers.RudeServer(false)) {
            S3DagStore waiting = LocalS3.store(silent.endpoint(), observer, new Redactor(), Duration.ofMillis(800), 1);

            UpstreamFailure failure =
                    waiting.head(new ObjectRef(BUCKET, "dags/x.py")).getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.TimedOut.class);
            assertThat(failure.retryable()).isTrue();
        }
    }

    @Test
    void registeredSecretsInErrorMessagesAreMasked() {
        Redactor redactor = new Redactor();
        redactor.register("canary-secret-5150");
        try (S3StubServers.ErrorServer leaky =
                new S3StubServers.ErrorServer(400, "InvalidArgument", "bad header canary-secret-5150")) {
            S3DagStore store = LocalS3.store(leaky.endpoint(), observer, redactor, Duration.ofSeconds(5), 1);

            UpstreamFailure failure = store.list(BUCKET, "dags/").getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.Rejected.class);
            assertThat(failure.describe()).doesNotContain("canary-secret-5150").contains("***");
        }
    }
}
