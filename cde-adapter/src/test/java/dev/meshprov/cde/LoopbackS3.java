package dev.meshprov.cde;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Mock on a free loopback port for the adapter tests, and the artifacts the {@code cde/jvm-job.yaml} fixture
 * names, in the bucket {@value #FIXTURE_BUCKET}.
 */
final class LoopbackS3 {

    static final String FIXTURE_BUCKET = "finance-artifacts";
    /** The key of the fixture's application jar. */
    static final String JAR = "finance/cashflow/1.0.0/cashflow-job-1.0.0.jar";
    /** The key of the fixture's one dependency. */
    static final String DEPENDENCY = "lib/ledger-utils-2.1.jar";

    private LoopbackS3() {}

    /** S3Mock over plain HTTP on a free port, with {@code bucket} created; register it as a JUnit extension. */
    static S3MockExtension withBucket(String bucket) {
        return S3MockExtension.builder()
                .silent()
                .withSecureConnection(false)
                .withHttpPort(0)
                .withInitialBuckets(bucket)
                .build();
    }

    /** Puts the fixture's jar ({@code the application jar}) and dependency ({@code the utilities jar}). */
    static void putJvmJobArtifacts(S3MockExtension s3) {
        put(s3, JAR, "the application jar");
        put(s3, DEPENDENCY, "the utilities jar");
    }

    /** Puts {@code content} under {@code key} in the fixture bucket. */
    static void put(S3MockExtension s3, String key, String content) {
        try (S3Client client = s3.createS3ClientV2()) {
            client.putObject(b -> b.bucket(FIXTURE_BUCKET).key(key), RequestBody.fromString(content));
        }
    }
}
