package dev.meshprov.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.MwaaSpec;
import dev.meshprov.core.mwaa.MwaaTechnology;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.testing.CollectingOperationLog;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import dev.meshprov.core.testing.S3StubServers;
import dev.meshprov.core.testing.TestRequests;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An S3 that refuses or cannot be reached makes the technology report an upstream failure (500 / FAILED), never an
 * invalid descriptor (400).
 */
class S3FailureProvisioningTest {

    private static final ComponentRequest REQUEST =
            TestRequests.componentRequest(TestRequests.resource("mwaa/template-output.yaml"));

    private static MwaaTechnology technology(URI endpoint) {
        return Configs.technology(
                """
                s3:
                  region: us-east-1
                  endpoint: %s
                  pathStyle: true
                  maxAttempts: 1
                  callTimeout: 5s
                allowedBuckets: [finance-mwaa-dev]
                """
                        .formatted(endpoint),
                Configs.context(Path.of("."), new CollectingUpstreamObserver()));
    }

    @Test
    void accessDeniedDuringValidationIsAnUpstreamProblem() {
        try (S3StubServers.ErrorServer denied = new S3StubServers.ErrorServer(403, "AccessDenied", "Access Denied")) {
            Validation<Seq<Problem>, MwaaSpec> validated =
                    technology(denied.endpoint()).validate(REQUEST, Operation.PROVISION);

            Problem problem = validated.getError().single();
            assertThat(problem.isUpstream()).isTrue();
            assertThat(problem.upstream()).containsInstanceOf(UpstreamFailure.Unauthorized.class);
            assertThat(problem.message())
                    .startsWith("S3 HeadObject s3://finance-mwaa-dev/source/finance.cashflow.1.cashflow_daily.py failed"
                            + " (forbidden)");
            assertThat(problem.solution()).contains("s3:GetObject").contains("s3:ListBucket");
        }
    }

    @Test
    void accessDeniedDuringUnprovisionIsAnUpstreamFailure() {
        try (S3StubServers.ErrorServer denied = new S3StubServers.ErrorServer(403, "AccessDenied", "Access Denied")) {
            MwaaTechnology technology = technology(denied.endpoint());
            MwaaSpec spec = technology.validate(REQUEST, Operation.UNPROVISION).get();

            Either<UpstreamFailure, ProvisionResult> result =
                    technology.unprovision(spec, new CollectingOperationLog());

            assertThat(result.getLeft()).isInstanceOf(UpstreamFailure.Unauthorized.class);
        }
    }

    @Test
    void aProxyPageInsteadOfS3IsAnUpstreamProblemAndAnUpstreamFailure() throws Exception {
        try (S3StubServers.CannedServer proxy = S3StubServers.CannedServer.answering(
                200, "text/html", "<html><body>Sign in to continue</body></html>")) {
            MwaaTechnology technology = technology(proxy.endpoint());

            Problem problem =
                    technology.validate(REQUEST, Operation.PROVISION).getError().single();
            Either<UpstreamFailure, ProvisionResult> unprovisioned = technology.unprovision(
                    technology.validate(REQUEST, Operation.UNPROVISION).get(), new CollectingOperationLog());

            assertThat(problem.upstream()).containsInstanceOf(UpstreamFailure.Malformed.class);
            assertThat(problem.message())
                    .startsWith("S3 HeadObject s3://finance-mwaa-dev/source/finance.cashflow.1.cashflow_daily.py"
                            + " failed");
            assertThat(unprovisioned.getLeft()).isInstanceOf(UpstreamFailure.Malformed.class);
            assertThat(unprovisioned.getLeft().describe()).startsWith("S3 HeadObject s3://finance-mwaa-dev/dags/");
        }
    }

    @Test
    void anUnreachableS3IsAnUpstreamProblemAndAnUpstreamFailure() {
        MwaaTechnology technology = technology(S3StubServers.closedPort());

        Problem problem =
                technology.validate(REQUEST, Operation.VALIDATE).getError().single();
        Either<UpstreamFailure, ProvisionResult> unprovisioned = technology.unprovision(
                technology.validate(REQUEST, Operation.UNPROVISION).get(), new CollectingOperationLog());

        assertThat(problem.upstream()).containsInstanceOf(UpstreamFailure.Unavailable.class);
        assertThat(problem.solution()).contains("reach the store");
        assertThat(unprovisioned.getLeft()).isInstanceOf(UpstreamFailure.Unavailable.class);
        assertThat(technology.readiness().ready()).isFalse();
    }
}
