package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.cde.ArtifactStore;
import dev.meshprov.core.cde.ArtifactUri;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.testing.S3StubServers;
import org.junit.jupiter.api.Test;

/**
 * The S3 that holds the CDE artifacts misbehaving: each failure is reported as what it is (never as "artifact not
 * found"), safe reads are retried within the policy, and a secret in an error answer is masked.
 */
class S3ArtifactStoreFaultTest {

    private static final ArtifactUri JAR =
            ArtifactUri.parse("s3://artifacts/app/app-1.0.jar").orElseThrow();

    @Test
    void throttlingIsRetriedThenReportedAsUnavailable() {
        try (S3StubServers.ErrorServer slow =
                        new S3StubServers.ErrorServer(503, "SlowDown", "Please reduce your request rate.");
                CdeHarness harness = new CdeHarness(slow.endpoint().toString())) {
            UpstreamFailure failure = store(harness).head(JAR).getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
            assertThat(failure.describe()).contains("S3").contains("503");
            assertThat(slow.requests()).isEqualTo(3);
            assertThat(harness.observer.calls())
                    .extracting(UpstreamCall::attempt)
                    .containsExactly(1, 2, 3);
        }
    }

    @Test
    void aRefusedHeadIsForbiddenNotMissingAndSaysThatS3GaveNoReason() {
        try (S3StubServers.ErrorServer denied = new S3StubServers.ErrorServer(403, "AccessDenied", "Access Denied");
                CdeHarness harness = new CdeHarness(denied.endpoint().toString())) {
            UpstreamFailure failure = store(harness).head(JAR).getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.Unauthorized.class);
            assertThat(failure.kind()).isEqualTo("forbidden");
            assertThat(failure.detail()).contains("S3 gives no reason").contains("or S3 refuses them");
            assertThat(denied.requests()).as("a refusal is not retried").isEqualTo(1);
        }
    }

    @Test
    void aResetConnectionIsUnavailable() throws Exception {
        try (S3StubServers.RudeServer resetting = new S3StubServers.RudeServer(true);
                CdeHarness harness = new CdeHarness(resetting.endpoint().toString())) {
            UpstreamFailure failure = store(harness).head(JAR).getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
        }
    }

    @Test
    void anAnswerThatNeverComesIsATimeOut() throws Exception {
        try (S3StubServers.RudeServer silent = new S3StubServers.RudeServer(false);
                CdeHarness harness = new CdeHarness(silent.endpoint().toString())) {
            ObjectNode config = harness.config();
            config.putObject("timeouts").put("connect", "2s").put("read", "500ms");
            UpstreamFailure failure =
                    harness.gateways(config).artifacts().head(JAR).getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.TimedOut.class);
        }
    }

    @Test
    void nobodyListeningIsUnavailable() {
        try (CdeHarness harness = new CdeHarness(S3StubServers.closedPort().toString())) {
            UpstreamFailure failure = store(harness).head(JAR).getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
        }
    }

    @Test
    void aSecretEchoedInAnErrorIsMasked() {
        try (S3StubServers.ErrorServer leaky =
                        new S3StubServers.ErrorServer(400, "InvalidArgument", "bad key canary-aws-secret-5d2e8c");
                CdeHarness harness = new CdeHarness(leaky.endpoint().toString())) {
            // as CdeTechnologyProvider.create does with every configured secret (the harness builds the gateways
            // without it); the store must pass what S3 says through the redactor
            harness.redactor.register("canary-aws-secret-5d2e8c");
            UpstreamFailure failure = store(harness)
                    .read(JAR, (content, length) -> io.vavr.control.Either.<UpstreamFailure, Long>right(length))
                    .getLeft();

            assertThat(failure.describe()).contains("bad key").doesNotContain("canary-aws-secret-5d2e8c");
        }
    }

    private static ArtifactStore store(CdeHarness harness) {
        return harness.gateways(harness.config()).artifacts();
    }
}
