package dev.meshprov.cde;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.meshprov.core.cde.ArtifactStore;
import dev.meshprov.core.cde.ArtifactStoreContract;
import dev.meshprov.core.cde.ArtifactUri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The artifact store contract against the S3 adapter and an S3-protocol server (S3Mock). */
class S3ArtifactStoreContractTest extends ArtifactStoreContract {

    @RegisterExtension
    static final S3MockExtension S3 = LoopbackS3.withBucket("contract-artifacts");

    private static CdeHarness harness;
    private static ArtifactStore store;
    private static S3Client client;

    @BeforeAll
    static void start() {
        harness = new CdeHarness(S3.getServiceEndpoint());
        store = harness.gateways(harness.config()).artifacts();
        client = S3.createS3ClientV2();
    }

    @AfterAll
    static void stop() {
        harness.close();
        client.close();
    }

    @Override
    protected ArtifactStore store() {
        return store;
    }

    @Override
    protected ArtifactUri givenObject(String name, byte[] content) {
        client.putObject(b -> b.bucket("contract-artifacts").key("artifacts/" + name), RequestBody.fromBytes(content));
        return ArtifactUri.parse("s3://contract-artifacts/artifacts/" + name).orElseThrow();
    }

    @Override
    protected ArtifactUri givenObjectInParts(String name, byte[]... parts) {
        String key = "artifacts/" + name;
        String upload = client.createMultipartUpload(
                        b -> b.bucket("contract-artifacts").key(key))
                .uploadId();
        java.util.List<software.amazon.awssdk.services.s3.model.CompletedPart> completed = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            int number = i + 1;
            String etag = client.uploadPart(
                            b -> b.bucket("contract-artifacts")
                                    .key(key)
                                    .uploadId(upload)
                                    .partNumber(number),
                            RequestBody.fromBytes(parts[i]))
                    .eTag();
            completed.add(software.amazon.awssdk.services.s3.model.CompletedPart.builder()
                    .partNumber(number)
                    .eTag(etag)
                    .build());
        }
        client.completeMultipartUpload(
                b -> b.bucket("contract-artifacts").key(key).uploadId(upload).multipartUpload(m -> m.parts(completed)));
        return ArtifactUri.parse("s3://contract-artifacts/" + key).orElseThrow();
    }

    @Override
    protected ArtifactUri missingObject() {
        return ArtifactUri.parse("s3://contract-artifacts/artifacts/missing.jar")
                .orElseThrow();
    }
}
