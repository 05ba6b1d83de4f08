package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.cde.ResourceNames;
import dev.meshprov.core.cde.testing.CdeFixtures;
import dev.meshprov.core.cde.testing.SuccessiveRuns;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.testing.CollectingOperationLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CDE technology as its provider creates it, against the signature-checking CDP server, the stateful CDE
 * service (Knox and jobs API) and S3Mock — all on loopback.
 */
class CdeProvisioningTest {

    @RegisterExtension
    static final S3MockExtension S3 = LoopbackS3.withBucket(LoopbackS3.FIXTURE_BUCKET);

    private static final String JOB = "finance-cashflow-1-cashflow-job-development";
    private static final String FILES = ResourceNames.files(JOB);

    @RegisterExtension
    final CdeHarness harness = CdeHarness.withJvmJobArtifacts(S3);

    private Technology<?> technology = harness.technology();
    private final CollectingOperationLog log = new CollectingOperationLog();

    private static ComponentRequest jvmJob() {
        return CdeFixtures.fixture("jvm-job.yaml");
    }

    private static ComponentRequest jvmJob(String line, String replacement) {
        return CdeFixtures.fixture("jvm-job.yaml", line, replacement);
    }

    private ProvisionResult provisioned(ComponentRequest request) {
        return CdeHarness.provisioned(technology, request, log);
    }

    // ---------------------------------------------------------------- provision

    @Test
    void provisioning_from_scratch_creates_the_resource_streams_the_artifacts_and_creates_the_job() {
        ProvisionResult result = provisioned(jvmJob());

        assertThat(harness.cde.writes())
                .containsExactly(
                        "POST /resources " + FILES,
                        "PUT /resources/" + FILES + "/cashflow-job-1.0.0.jar",
                        "PUT /resources/" + FILES + "/ledger-utils-2.1.jar",
                        "POST /jobs " + JOB);
        assertThat(new String(harness.cde
                        .file(FILES, "cashflow-job-1.0.0.jar")
                        .orElseThrow()
                        .content()))
                .isEqualTo("the application jar");
        JsonNode job = harness.cde.job(JOB).orElseThrow();
        assertThat(job.path("type").asText()).isEqualTo("spark");
        assertThat(job.path("mounts").get(0).path("resourceName").asText()).isEqualTo(FILES);
        assertThat(job.path("spark").path("numExecutors").asInt()).isEqualTo(2);
        assertThat(job.path("spark").path("conf").path("dex.safariEnabled").asText())
                .isEqualTo("true");
        assertThat(job.path("spark").has("pythonEnvResourceName")).isFalse();
        assertThat(job.path("schedule").path("cronExpression").asText()).isEqualTo("30 6 * * *");
        assertThat(job.path("retentionPolicy").asText()).isEqualTo("keep_indefinitely");
        assertThat(result.info().orElseThrow().publicInfo().get("jobLink").value())
                .isEqualTo(JOB);
        assertThat(result.info().orElseThrow().privateInfo()).containsEntry("vcApiUrl", harness.cde.apiUrl());
    }

    @Test
    void provisioning_again_unchanged_makes_zero_writes() {
        ProvisionResult first = provisioned(jvmJob());
        harness.cde.clearWrites();

        provisioned(SuccessiveRuns.after(jvmJob(), first));
        provisioned(jvmJob());

        assertThat(harness.cde.writes()).isEmpty();
    }

    @Test
    void a_changed_executor_count_is_one_patch() {
        provisioned(jvmJob());
        harness.cde.clearWrites();

        provisioned(jvmJob("numExecutors: 2", "numExecutors: 4"));

        assertThat(harness.cde.writes()).containsExactly("PATCH /jobs/" + JOB);
        assertThat(harness.cde
                        .job(JOB)
                        .orElseThrow()
                        .path("spark")
                        .path("numExecutors")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void a_removed_dependency_is_deleted_from_the_resource() {
        provisioned(jvmJob());
        harness.cde.clearWrites();

        provisioned(jvmJob("dependencies: [s3://finance-artifacts/lib/ledger-utils-2.1.jar]", "dependencies: []"));

        assertThat(harness.cde.writes())
                .containsExactly("PATCH /jobs/" + JOB, "DELETE /resources/" + FILES + "/ledger-utils-2.1.jar");
        assertThat(harness.cde.file(FILES, "ledger-utils-2.1.jar")).isEmpty();
    }

    @Test
    void a_removed_schedule_is_disabled() {
        provisioned(jvmJob());
        harness.cde.clearWrites();

        provisioned(jvmJob(
                "          schedule:\n            cronExpression: \"30 6 * * *\"\n"
                        + "            startDate: \"2026-01-01T00:00:00Z\"\n            endDate: \"2027-01-01T00:00:00Z\"\n",
                ""));

        assertThat(harness.cde.writes()).containsExactly("PATCH /jobs/" + JOB);
        assertThat(harness.cde
                        .job(JOB)
                        .orElseThrow()
                        .path("schedule")
                        .path("enabled")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void plan_reports_without_writing_and_is_a_no_op_after_provisioning() {
        Plan before = CdeHarness.plan(technology, jvmJob()).result().get();
        provisioned(jvmJob());
        harness.cde.clearWrites();

        Plan after = CdeHarness.plan(technology, jvmJob()).result().get();

        assertThat(before.changes()).hasSize(4);
        assertThat(before.isNoop()).isFalse();
        assertThat(after.isNoop()).isTrue();
        assertThat(harness.cde.writes()).isEmpty();
    }

    @Test
    void run_on_provision_starts_one_run() {
        ObjectNode config = harness.config();
        config.put("runOnProvision", true);
        technology = harness.technology(config);

        ProvisionResult result = provisioned(jvmJob());

        assertThat(harness.cde.writes()).last().isEqualTo("POST /jobs/" + JOB + "/run");
        assertThat(result.info().orElseThrow().publicInfo().get("lastRunId").value())
                .isEqualTo("1");
    }

    @Test
    void discovery_happens_once_per_request() {
        harness.cdp.resetCounts();

        provisioned(jvmJob());

        assertThat(harness.cdp.calls("listServices")).isEqualTo(1);
        assertThat(harness.cdp.calls("describeService")).isEqualTo(1);
        assertThat(harness.cdp.calls("listVcs")).isEqualTo(1);
        assertThat(harness.cdp.calls("describeVc")).isEqualTo(1);
    }

    @Test
    void a_missing_artifact_is_a_validation_error_naming_the_uri() {
        CdeHarness.Outcome<ProvisionResult> outcome =
                CdeHarness.provision(technology, jvmJob("cashflow-job-1.0.0.jar", "cashflow-job-9.9.9.jar"), log);

        assertThat(outcome.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isUpstream()).isFalse();
            assertThat(problem.field()).endsWith(".specific.jar");
            assertThat(problem.message())
                    .contains("s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-9.9.9.jar");
        });
        assertThat(harness.cde.writes()).isEmpty();
    }

    // ---------------------------------------------------------------- unprovision

    @Test
    void unprovision_deletes_the_job_then_its_resource() {
        provisioned(jvmJob());
        harness.cde.clearWrites();

        CdeHarness.Outcome<ProvisionResult> outcome = CdeHarness.unprovision(technology, jvmJob(), log);

        assertThat(outcome.result().get().message()).contains("removed");
        assertThat(harness.cde.writes()).containsExactly("DELETE /jobs/" + JOB, "DELETE /resources/" + FILES);
    }

    @Test
    void unprovision_is_skipped_when_the_service_was_deleted() {
        provisioned(jvmJob());
        harness.cdp.removeService(CdeHarness.SERVICE);
        harness.clock.advance(Duration.ofMinutes(5));

        ProvisionResult result =
                CdeHarness.unprovision(technology, jvmJob(), log).result().get();

        assertThat(result.message()).startsWith("Unprovision skipped").contains("CDE Service not found");
        assertThat(log.text()).contains("Nothing to delete");
    }

    @Test
    void unprovision_is_skipped_when_the_virtual_cluster_is_not_running() {
        harness.cdp.addVc(CdeHarness.SERVICE, "sleepy-vc", "AppInstalling", harness.cde.apiUrl());

        ProvisionResult result = CdeHarness.unprovision(
                        technology, jvmJob("cdeCluster: finance-vc", "cdeCluster: sleepy-vc"), log)
                .result()
                .get();

        assertThat(result.message())
                .startsWith("Unprovision skipped")
                .contains("CDE Virtual Cluster exists but is not properly activated");
    }

    @Test
    void a_cdp_403_fails_unprovision_instead_of_skipping_it() {
        harness.cdp.failNext(403);

        CdeHarness.Outcome<ProvisionResult> outcome = CdeHarness.unprovision(technology, jvmJob(), log);

        assertThat(outcome.result().getLeft()).isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(outcome.result().getLeft().kind())
                .as("credentials accepted, permission missing")
                .isEqualTo("forbidden");
        assertThat(outcome.result().getLeft().describe()).contains("CDP", "listServices", "403");
    }

    @Test
    void a_request_signed_with_another_key_is_refused_and_reported_as_unauthorized() {
        harness.cdp.violations().expectViolations();
        ObjectNode config = harness.config();
        ((ObjectNode) config.path("cdp")).put("privateKey", TestKeys.rsaPem());
        technology = harness.technology(config);

        var validation = CdeHarness.validate(technology, jvmJob(), Operation.VALIDATE);

        assertThat(validation.getError()).anySatisfy(problem -> {
            assertThat(problem.isUpstream()).isTrue();
            assertThat(problem.upstream().orElseThrow()).isInstanceOf(UpstreamFailure.Unauthorized.class);
            assertThat(problem.upstream().orElseThrow().kind()).isEqualTo("unauthorized");
            assertThat(problem.message()).doesNotContain("not found");
        });
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void an_expired_token_is_refreshed_once() {
        provisioned(jvmJob());
        assertThat(harness.cde.tokensIssued()).isEqualTo(1);

        harness.clock.advance(Duration.ofHours(2));
        provisioned(jvmJob());

        assertThat(harness.cde.tokensIssued()).isEqualTo(2);
    }

    @Test
    void a_refused_token_is_replaced_once() {
        provisioned(jvmJob());
        harness.cde.revokeTokens();
        harness.cde.clearWrites();

        provisioned(jvmJob("numExecutors: 2", "numExecutors: 3"));

        assertThat(harness.cde.tokensIssued()).isEqualTo(2);
        assertThat(harness.cde.writes()).containsExactly("PATCH /jobs/" + JOB);
    }

    @Test
    void one_token_serves_a_whole_provisioning() {
        provisioned(jvmJob());
        provisioned(jvmJob());

        assertThat(harness.cde.tokensIssued()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- retries, timeouts, resets

    @Test
    void safe_calls_are_retried_on_5xx_and_429_and_every_attempt_is_reported() {
        harness.observer.clear();
        harness.cde.failNext(503, 429);

        provisioned(jvmJob());

        List<UpstreamCall> resourceReads = harness.observer.calls().stream()
                .filter(call -> call.operation().equals("GET /resources/{name}"))
                .toList();
        assertThat(resourceReads.subList(0, 3))
                .extracting(UpstreamCall::outcome, UpstreamCall::attempt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("503", 1),
                        org.assertj.core.groups.Tuple.tuple("429", 2),
                        org.assertj.core.groups.Tuple.tuple("404", 3));
        assertThat(harness.observer.calls()).extracting(UpstreamCall::system).contains("CDP", "CDE", "S3");
        assertThat(harness.observer.calls()).allSatisfy(call -> {
            assertThat(call.duration().isNegative()).isFalse();
            assertThat(call.target()).doesNotContain("?");
        });
    }

    @Test
    void a_create_is_never_repeated_blindly_but_checked_by_reading() {
        harness.cde.failOn("POST", "/jobs", 502, "bad gateway");

        CdeHarness.Outcome<ProvisionResult> outcome = CdeHarness.provision(technology, jvmJob(), log);

        assertThat(outcome.result().getLeft()).isInstanceOf(UpstreamFailure.Unavailable.class);
        assertThat(outcome.result().getLeft().describe()).contains("CDE", "POST /jobs", "502");
        assertThat(harness.observer.calls())
                .filteredOn(call -> call.operation().equals("POST /jobs"))
                .hasSize(1);
        assertThat(harness.observer.calls())
                .filteredOn(call -> call.operation().equals("GET /jobs/{name}"))
                .hasSize(2);
    }

    @Test
    void a_provision_interrupted_after_the_resource_is_completed_by_the_next_without_duplicates() {
        harness.cde.failOn("POST", "/jobs", 400, "job rejected once");

        CdeHarness.Outcome<ProvisionResult> interrupted = CdeHarness.provision(technology, jvmJob(), log);

        assertThat(interrupted.result().getLeft()).isInstanceOf(UpstreamFailure.Rejected.class);
        assertThat(harness.cde.hasResource(FILES)).isTrue();
        assertThat(harness.cde.job(JOB)).isEmpty();
        harness.cde.clearWrites();

        provisioned(jvmJob());

        assertThat(harness.cde.writes())
                .as("the resource and its files are kept, only the job is created")
                .containsExactly("POST /jobs " + JOB);
        assertThat(harness.cde.job(JOB)).isPresent();
    }

    @Test
    void a_rejected_create_is_reported_as_rejected_with_the_upstream_message() {
        harness.cde.failOn("POST", "/resources", 400, "resource name is invalid");

        CdeHarness.Outcome<ProvisionResult> outcome = CdeHarness.provision(technology, jvmJob(), log);

        assertThat(outcome.result().getLeft()).isInstanceOf(UpstreamFailure.Rejected.class);
        assertThat(outcome.result().getLeft().describe()).contains("HTTP 400", "resource name is invalid");
    }

    @Test
    void an_answer_that_is_not_json_is_a_malformed_failure_and_nothing_is_created() {
        harness.cde.answerNextRaw("{\"name\": \"finance-cashflow-1-cashflow-job-development\", \"type\": [unclosed");

        CdeHarness.Outcome<ProvisionResult> outcome = CdeHarness.provision(technology, jvmJob(), log);

        assertThat(outcome.result().isLeft()).isTrue();
        assertThat(outcome.result().getLeft()).isInstanceOf(UpstreamFailure.Malformed.class);
        assertThat(outcome.result().getLeft().describe()).contains("CDE");
        assertThat(harness.cde.job(JOB)).isEmpty();
    }

    @Test
    void a_timed_out_read_is_retried() {
        ObjectNode config = harness.config();
        config.putObject("timeouts").put("connect", "2s").put("read", "300ms");
        technology = harness.technology(config);
        harness.observer.clear();
        harness.cde.delayNext(Duration.ofMillis(1500));

        provisioned(jvmJob());

        assertThat(harness.observer.calls())
                .filteredOn(call -> call.system().equals("CDE"))
                .extracting(UpstreamCall::outcome)
                .contains("timeout");
    }

    @Test
    void a_dropped_connection_is_retried_for_reads() {
        harness.observer.clear();
        // the JDK client itself repeats an idempotent request once on a dropped connection: drop four times
        harness.cde.failNext(0, 0, 0, 0);

        provisioned(jvmJob());

        assertThat(harness.observer.calls())
                .filteredOn(call -> call.operation().equals("GET /resources/{name}"))
                .extracting(UpstreamCall::outcome)
                .startsWith("io-error");
    }

    // ---------------------------------------------------------------- reverse provisioning

    @Test
    void reverse_provisioning_imports_the_job_from_service_virtual_cluster_and_name() throws Exception {
        provisioned(jvmJob());
        ReverseProvisioningRequest request = new ReverseProvisioningRequest(
                "urn:dmb:utm:spark-workload-template:0.0.0",
                "development",
                LoopbackServer.JSON.readTree(
                        "{\"cdeService\":\"finance-de\",\"cdeCluster\":\"finance-vc\",\"jobName\":\"" + JOB + "\","
                                + "\"artifactPrefix\":\"s3://finance-artifacts/imported\"}"),
                LoopbackServer.JSON.createObjectNode());

        ReverseProvisioningResult result = reverse(technology, request);

        @SuppressWarnings("unchecked")
        Map<String, Object> specific = (Map<String, Object>) result.updates().get("spec.mesh.specific");
        assertThat(specific)
                .containsEntry("cdeService", "finance-de")
                .containsEntry("jobName", JOB)
                .containsEntry("jar", "s3://finance-artifacts/imported/cashflow-job-1.0.0.jar")
                .containsEntry("className", "org.example.cashflow.CashflowJob");
        @SuppressWarnings("unchecked")
        Map<String, Object> schedule =
                (Map<String, Object>) ((Map<String, Object>) specific.get("jobConfig")).get("schedule");
        assertThat(schedule)
                .containsEntry("cronExpression", "30 6 * * *")
                .containsEntry("startDate", "2026-01-01T00:00:00Z");
        assertThat(harness.cde.writes()).doesNotContain("PATCH /jobs/" + JOB);
    }

    private ReverseProvisioningResult reverse(Technology<?> technology, ReverseProvisioningRequest request) {
        var result = technology.reverse(request, log);
        assertThat(result.isValid()).as(() -> String.valueOf(result.getError())).isTrue();
        return result.get();
    }

    // ---------------------------------------------------------------- readiness

    @Test
    void readiness_asks_the_cdp_api() {
        assertThat(technology.readiness().ready()).isTrue();

        harness.cdp.failNext(503, 503, 503);
        harness.clock.advance(Duration.ofMinutes(5));

        assertThat(technology.readiness().ready()).isFalse();
        assertThat(technology.readiness().detail()).isNotBlank();
    }
}
