package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.meshprov.cde.FakeCdeServer.FilesListing;
import dev.meshprov.cde.FakeCdeServer.Signatures;
import dev.meshprov.cde.FakeCdeServer.TokenExpiry;
import dev.meshprov.core.cde.ResourceNames;
import dev.meshprov.core.cde.testing.CdeFixtures;
import dev.meshprov.core.cde.testing.SuccessiveRuns;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.testing.CollectingOperationLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The technology against the jobs API answering every way public sources leave open — files listed or not, under
 * other names, signed with MD5, another algorithm or not at all; Knox expiry in epoch milliseconds, {@code -1},
 * seconds or absent; Spark configuration CDE adds itself; a job name limit — provisioning stays idempotent and
 * correct, each run with the previous run's {@code privateInfo}.
 */
class CdeServerVariantsTest {

    @RegisterExtension
    static final S3MockExtension S3 = LoopbackS3.withBucket(LoopbackS3.FIXTURE_BUCKET);

    private static final String JOB = "finance-cashflow-1-cashflow-job-development";
    private static final String FILES = ResourceNames.files(JOB);
    private static final String JAR_FILE = "cashflow-job-1.0.0.jar";

    @RegisterExtension
    final CdeHarness harness = CdeHarness.withJvmJobArtifacts(S3);

    private final Technology<?> technology = harness.technology();
    private final CollectingOperationLog log = new CollectingOperationLog();
    private final SuccessiveRuns runs = new SuccessiveRuns(request -> CdeHarness.provisioned(technology, request, log));

    private static ComponentRequest job() {
        return CdeFixtures.fixture("jvm-job.yaml");
    }

    private void provision(ComponentRequest request) {
        runs.provision(request);
    }

    static Stream<Arguments> listings() {
        List<Arguments> variants = new ArrayList<>();
        for (FilesListing listing : FilesListing.values()) {
            for (Signatures signatures : Signatures.values()) {
                variants.add(Arguments.of(listing, signatures));
            }
        }
        return variants.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("listings")
    void unchanged_means_no_write_and_a_changed_or_removed_artifact_is_handled_once(
            FilesListing listing, Signatures signatures) {
        harness.cde.filesListing(listing);
        harness.cde.signatures(signatures);
        provision(job());
        harness.cde.clearWrites();

        provision(job());
        assertThat(harness.cde.writes()).as("unchanged").isEmpty();

        LoopbackS3.put(S3, LoopbackS3.JAR, "the application jaR");
        provision(job());
        provision(job());
        assertThat(harness.cde.writes()).as("changed").containsExactly("PUT /resources/" + FILES + "/" + JAR_FILE);
        assertThat(new String(harness.cde.file(FILES, JAR_FILE).orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo("the application jaR");
        harness.cde.clearWrites();

        provision(CdeFixtures.fixture(
                "jvm-job.yaml", "dependencies: [s3://finance-artifacts/lib/ledger-utils-2.1.jar]", "dependencies: []"));
        assertThat(harness.cde.writes()).as("removed").contains("DELETE /resources/" + FILES + "/ledger-utils-2.1.jar");
        assertThat(harness.cde.file(FILES, "ledger-utils-2.1.jar")).isEmpty();
    }

    @Test
    void a_file_replaced_in_cde_with_an_unknown_signature_algorithm_is_uploaded_again() {
        harness.cde.signatures(Signatures.SHA256);
        provision(job());
        harness.cde.replaceFile(FILES, JAR_FILE, "someone else's jar".getBytes(StandardCharsets.UTF_8));
        harness.cde.clearWrites();

        provision(job());

        assertThat(harness.cde.writes()).containsExactly("PUT /resources/" + FILES + "/" + JAR_FILE);
    }

    @ParameterizedTest
    @EnumSource(TokenExpiry.class)
    void one_token_serves_many_provisionings_whatever_the_expiry_format(TokenExpiry expiry) {
        harness.cde.tokenExpiry(expiry);

        provision(job());
        provision(job());
        provision(job());

        assertThat(harness.cde.tokensIssued()).isEqualTo(1);
    }

    @Test
    void a_token_that_never_expires_is_still_renewed_after_an_hour_and_when_refused() {
        harness.cde.tokenExpiry(TokenExpiry.NEVER);
        provision(job());

        harness.clock.advance(Duration.ofMinutes(61));
        provision(job());
        assertThat(harness.cde.tokensIssued()).isEqualTo(2);

        harness.cde.revokeTokens();
        provision(job());
        assertThat(harness.cde.tokensIssued()).isEqualTo(3);
    }

    @Test
    void configuration_cde_adds_itself_causes_no_update_and_is_kept_by_one() {
        harness.cde.addsConf(Map.of("spark.kubernetes.driver.label.dex-app", "job"));
        provision(job());
        harness.cde.clearWrites();

        provision(job());
        assertThat(harness.cde.writes()).isEmpty();

        provision(CdeFixtures.fixture("jvm-job.yaml", "numExecutors: 2", "numExecutors: 3"));
        assertThat(harness.cde.writes()).containsExactly("PATCH /jobs/" + JOB);
        assertThat(harness.cde
                        .job(JOB)
                        .orElseThrow()
                        .path("spark")
                        .path("conf")
                        .path("spark.kubernetes.driver.label.dex-app")
                        .asText())
                .isEqualTo("job");
    }

    @Test
    void a_job_name_over_cdes_own_limit_is_reported_as_rejected_with_cdes_message() {
        harness.cde.maxJobNameLength(20);

        CdeHarness.Outcome<ProvisionResult> outcome = CdeHarness.provision(technology, job(), log);

        assertThat(outcome.result().getLeft()).isInstanceOf(UpstreamFailure.Rejected.class);
        assertThat(outcome.result().getLeft().describe()).contains("POST /jobs", "longer than 20");
    }
}
