package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.cde.ArtifactUri;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.testing.BlackHole;
import dev.meshprov.core.testing.S3StubServers;
import org.junit.jupiter.api.Test;

/**
 * The CDP API and the artifacts' S3 at an address where no connection is ever established: each call gives up after
 * the configured (short) connect time-out, is retried within the policy, and then fails naming itself.
 */
class ConnectTimeoutTest {

    private static final String SHORT_CONNECT = "300ms";

    @Test
    void theCdpApiTimesOutConnectingAndIsRetriedWithinThePolicy() {
        try (BlackHole hole = new BlackHole();
                CdeHarness harness = new CdeHarness(S3StubServers.closedPort().toString())) {
            ObjectNode config = withShortConnectTimeout(harness.config());
            ((ObjectNode) config.path("cdp")).put("endpoint", hole.endpoint().toString());

            UpstreamFailure failure =
                    harness.gateways(config).cdp().listServices().getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.TimedOut.class);
            assertThat(failure.describe())
                    .startsWith("CDP POST /api/v1/de/listServices failed (timed out)")
                    .contains("HttpConnectTimeoutException");
            assertThat(harness.observer.calls())
                    .extracting(UpstreamCall::attempt, UpstreamCall::outcome)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, "timeout"),
                            org.assertj.core.groups.Tuple.tuple(2, "timeout"),
                            org.assertj.core.groups.Tuple.tuple(3, "timeout"));
        }
    }

    @Test
    void theArtifactsS3TimesOutConnectingAndIsRetriedWithinThePolicy() {
        try (BlackHole hole = new BlackHole();
                CdeHarness harness = new CdeHarness(hole.endpoint().toString())) {
            ArtifactUri jar =
                    ArtifactUri.parse("s3://artifacts/app/app-1.0.jar").orElseThrow();

            UpstreamFailure failure = harness.gateways(withShortConnectTimeout(harness.config()))
                    .artifacts()
                    .head(jar)
                    .getLeft();

            assertThat(failure).isInstanceOf(UpstreamFailure.TimedOut.class);
            assertThat(failure.describe())
                    .startsWith("S3 HeadObject s3://artifacts/app/app-1.0.jar failed (timed out)")
                    .contains("Connect timed out");
            assertThat(harness.observer.calls())
                    .extracting(UpstreamCall::operation)
                    .containsExactly("HeadObject", "HeadObject", "HeadObject");
        }
    }

    private static ObjectNode withShortConnectTimeout(ObjectNode config) {
        config.putObject("timeouts").put("connect", SHORT_CONNECT).put("read", "5s");
        return config;
    }
}
