package dev.meshprov.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.UpstreamFailure;
import org.junit.jupiter.api.Test;

class AwsCredentialsTest {

    @Test
    void theSdksChainFailureIsFoundAnywhereInTheCauses() {
        RuntimeException chain = new IllegalStateException(
                "wrapped",
                new RuntimeException(AwsCredentials.CHAIN_FAILURE + " from any of the providers in the chain"));

        assertThat(AwsCredentials.missing(chain)).isTrue();
        assertThat(AwsCredentials.missing(new RuntimeException("Connection refused")))
                .isFalse();
        assertThat(AwsCredentials.missing(new RuntimeException((String) null))).isFalse();
    }

    @Test
    void theMissingCredentialsLineSaysEachWayToGiveThem() {
        assertThat(AwsCredentials.missingDetail("cde.aws"))
                .isEqualTo("no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or"
                        + " cde.aws.accessKeyId/cde.aws.secretAccessKey, or run with an instance role");
    }

    @Test
    void refusedCredentialsAreUnauthorisedAndAMissingPermissionForbidden() {
        assertThat(AwsCredentials.refusal("S3", "GetObject s3://b/k", 403, "InvalidAccessKeyId", "d")
                        .kind())
                .isEqualTo("unauthorized");
        assertThat(AwsCredentials.refusal("S3", "GetObject s3://b/k", 403, "SignatureDoesNotMatch", "d")
                        .kind())
                .isEqualTo("unauthorized");
        assertThat(AwsCredentials.refusal("S3", "GetObject s3://b/k", 401, null, "d")
                        .kind())
                .isEqualTo("unauthorized");
        UpstreamFailure denied =
                AwsCredentials.refusal("S3", "GetObject s3://b/k", 403, "AccessDenied", "Access Denied");
        assertThat(denied.kind()).isEqualTo("forbidden");
        assertThat(denied.detail()).isEqualTo("Access Denied");
    }

    @Test
    void aBare403SaysThatS3GaveNoReason() {
        UpstreamFailure head = AwsCredentials.refusal("S3", "HeadObject s3://b/k", 403, null, "HTTP 403");

        assertThat(head.kind()).isEqualTo("forbidden");
        assertThat(head.detail()).startsWith("HTTP 403 (S3 gives no reason: ").endsWith("or S3 refuses them)");
    }
}
