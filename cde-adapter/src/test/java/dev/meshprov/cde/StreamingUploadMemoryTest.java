package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.cde.ArtifactUri;
import dev.meshprov.core.cde.ResourceDefinition;
import dev.meshprov.core.cde.VcEndpoint;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 200 MiB artifact goes from S3 into a CDE resource through the same path provisioning uses (artifact store
 * read, streamed multipart upload) in a JVM whose heap is far smaller than the artifact (the {@code memory}
 * surefire execution runs this class with {@code -Xmx64m}): any whole-file buffering fails with an
 * {@link OutOfMemoryError}. The fake jobs API hashes the bytes as they arrive without keeping them.
 */
@Tag("memory")
class StreamingUploadMemoryTest {

    private static final int BLOCKS = 3200; // 3200 × 64 KiB = 200 MiB

    @Test
    void a_200_mib_artifact_is_streamed_with_a_small_heap() throws Exception {
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        long artifact = (long) BLOCKS * GeneratedObjectServer.BLOCK;
        try (GeneratedObjectServer s3 = GeneratedObjectServer.serving("big-artifacts", "spark/app.jar", BLOCKS);
                CdeHarness harness = new CdeHarness(s3.url())) {
            harness.cde.keepContent(false);
            ObjectNode config = harness.config();
            config.putObject("timeouts").put("connect", "5s").put("read", "60s").put("upload", "5m");
            CdeTechnologyProvider.Gateways gateways = harness.gateways(config);
            VcEndpoint vc = new VcEndpoint("cluster-big", harness.cde.hostAndPort(), "vc-big", harness.cde.apiUrl());
            ArtifactUri uri =
                    ArtifactUri.parse("s3://big-artifacts/spark/app.jar").orElseThrow();
            gateways.cde().createResource(vc, ResourceDefinition.files("mainres-big"));

            Either<UpstreamFailure, Long> uploaded = gateways.artifacts().read(uri, (content, length) -> gateways.cde()
                    .uploadFile(vc, "mainres-big", "app.jar", content, length)
                    .map(done -> length));

            assertThat(uploaded.get()).isEqualTo(artifact);
            FakeCdeServer.StoredFile stored =
                    harness.cde.file("mainres-big", "app.jar").orElseThrow();
            assertThat(stored.size()).isEqualTo(artifact);
            assertThat(stored.md5()).isEqualTo(expectedMd5());
            assertThat(stored.content()).isNull();
        }
        if (maxHeap > 0) {
            assertThat(maxHeap)
                    .as("this test proves streaming only with a heap smaller than the artifact")
                    .isLessThan(artifact);
        }
    }

    private static String expectedMd5() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] block = GeneratedObjectServer.block();
        for (int i = 0; i < BLOCKS; i++) {
            md5.update(block);
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
