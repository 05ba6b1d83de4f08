package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.core.cde.testing.CdeFixtures;
import dev.meshprov.core.cde.testing.SuccessiveRuns;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import dev.meshprov.core.testing.CollectingOperationLog;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provision, plan, unprovision, updateacl and reverse provisioning against the in-memory fakes. */
class CdeTechnologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = "finance-cashflow-1-cashflow-job-development";
    private static final String FILES = ResourceNames.files(JOB);

    private final CdeWorld world = new CdeWorld();
    private final CollectingOperationLog log = new CollectingOperationLog();

    private ProvisionResult provision(ComponentRequest request) {
        return world.provisioned(request, log);
    }

    @Test
    void provisioning_from_scratch_creates_the_resource_uploads_the_artifacts_and_creates_the_job() {
        ProvisionResult result = provision(CdeFixtures.fixture("jvm-job.yaml"));

        assertThat(world.cde.writes())
                .containsExactly(
                        "POST /resources " + FILES,
                        "PUT /resources/" + FILES + "/cashflow-job-1.0.0.jar",
                        "PUT /resources/" + FILES + "/ledger-utils-2.1.jar",
                        "POST /jobs " + JOB);
        CdeJob job = world.cde.job(JOB).orElseThrow();
        assertThat(job.mounts()).containsExactly(FILES);
        assertThat(job.spark().file()).isEqualTo("cashflow-job-1.0.0.jar");
        assertThat(job.spark().className()).contains("org.example.cashflow.CashflowJob");
        assertThat(job.spark().jars()).containsExactly("ledger-utils-2.1.jar");
        assertThat(job.spark().numExecutors()).isEqualTo(2);
        assertThat(job.spark().conf()).containsEntry("dex.safariEnabled", "true");
        assertThat(job.schedule())
                .hasValueSatisfying(s -> assertThat(s.cronExpression()).isEqualTo("30 6 * * *"));
        assertThat(new String(
                        world.cde.fileContent(FILES, "cashflow-job-1.0.0.jar").orElseThrow()))
                .isEqualTo("jar v1");
        assertThat(result.message()).contains(JOB, "finance-vc", "finance-de");
        assertThat(log.text())
                .contains("Uploaded s3://finance-artifacts/lib/ledger-utils-2.1.jar", "Created job " + JOB);
    }

    @Test
    void the_info_links_the_job_and_records_what_the_next_run_needs() {
        Info info = provision(CdeFixtures.fixture("jvm-job.yaml")).info().orElseThrow();

        assertThat(info.publicInfo().keySet())
                .containsExactly(
                        "jobName",
                        "virtualCluster",
                        "cdeService",
                        "virtualClusterUi",
                        "jobLink",
                        "schedule",
                        "scheduleStart",
                        "scheduleEnd");
        assertThat(info.publicInfo().get("jobLink"))
                .isEqualTo(InfoEntry.link(
                        "Job in CDE", JOB, "https://finance-vc.cluster-finance-de.cde.example/dex/ui/jobs/" + JOB));
        assertThat(info.publicInfo().get("scheduleStart"))
                .isEqualTo(InfoEntry.date("Schedule start", "2026-01-01T00:00:00Z"));
        assertThat(info.privateInfo())
                .containsEntry("clusterId", "cluster-finance-de")
                .containsEntry("vcId", "vc-finance-vc")
                .containsEntry("vcApiUrl", "https://finance-vc.cluster-finance-de.cde.example/dex/api/v1")
                .containsEntry("filesResource", FILES);
        assertThat((List<?>) info.privateInfo().get("artifacts")).hasSize(2);
    }

    @Test
    void provisioning_again_unchanged_writes_nothing() {
        ComponentRequest request = CdeFixtures.fixture("jvm-job.yaml");
        ProvisionResult first = provision(request);
        world.cde.clearWrites();

        ProvisionResult second = provision(SuccessiveRuns.after(request, first));

        assertThat(world.cde.writes()).isEmpty();
        assertThat(second.message()).contains("is up to date");
        assertThat(log.text()).contains("nothing to change");
    }

    @Test
    void a_changed_executor_count_is_one_update() {
        provision(CdeFixtures.fixture("jvm-job.yaml"));
        world.cde.clearWrites();

        provision(CdeFixtures.fixture("jvm-job.yaml", "numExecutors: 2", "numExecutors: 5"));

        assertThat(world.cde.writes()).containsExactly("PATCH /jobs/" + JOB);
        assertThat(world.cde.job(JOB).orElseThrow().spark().numExecutors()).isEqualTo(5);
        assertThat(log.text()).contains("numExecutors 2 → 5");
    }

    @Test
    void a_removed_dependency_is_deleted_from_the_resource() {
        provision(CdeFixtures.fixture("jvm-job.yaml"));
        world.cde.clearWrites();

        provision(CdeFixtures.fixture(
                "jvm-job.yaml", "dependencies: [s3://finance-artifacts/lib/ledger-utils-2.1.jar]", "dependencies: []"));

        assertThat(world.cde.writes())
                .containsExactly("PATCH /jobs/" + JOB, "DELETE /resources/" + FILES + "/ledger-utils-2.1.jar");
    }

    @Test
    void a_changed_artifact_is_uploaded_again_and_only_that_one() {
        provision(CdeFixtures.fixture("jvm-job.yaml"));
        world.cde.clearWrites();
        world.artifacts.put("s3://finance-artifacts/lib/ledger-utils-2.1.jar", "utils 2.1 rebuilt");

        provision(CdeFixtures.fixture("jvm-job.yaml"));

        assertThat(world.cde.writes()).containsExactly("PUT /resources/" + FILES + "/ledger-utils-2.1.jar");
    }

    @Test
    void a_pyspark_job_with_requirements_gets_a_python_environment() {
        provision(CdeFixtures.fixture("pyspark-env-job.yaml"));

        String job = "finance-cashflow-1-py-env-development";
        String env = ResourceNames.pythonEnv(job);
        assertThat(world.cde.writes())
                .contains("POST /resources " + env, "PUT /resources/" + env + "/requirements.txt");
        CdeJob created = world.cde.job(job).orElseThrow();
        assertThat(created.spark().pythonEnvResourceName()).contains(env);
        assertThat(created.spark().pyFiles()).containsExactly("helpers.zip");
        assertThat(created.spark().className()).isEmpty();
    }

    @Test
    void run_on_provision_starts_one_run() {
        ProvisionResult result = provision(CdeFixtures.fixture(
                "pyspark-job.yaml", "pythonVersion: python3", "pythonVersion: python3\n        runOnProvision: true"));

        assertThat(world.cde.writes()).last().isEqualTo("POST /jobs/finance-cashflow-1-py-report-production/run");
        assertThat(result.info().orElseThrow().publicInfo()).containsKey("lastRunId");
    }

    @Test
    void plan_reports_every_entity_without_writing() {
        ComponentRequest request = CdeFixtures.fixture("jvm-job.yaml");
        CdeSpec spec = world.spec(request, Operation.PROVISION);

        Plan plan = world.technology.plan(spec).get();

        assertThat(world.cde.writes()).isEmpty();
        assertThat(plan.changes())
                .extracting(PlannedChange::entity, PlannedChange::name, PlannedChange::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("resource", FILES, ChangeKind.CREATE),
                        org.assertj.core.groups.Tuple.tuple(
                                "file", FILES + "/cashflow-job-1.0.0.jar", ChangeKind.CREATE),
                        org.assertj.core.groups.Tuple.tuple("file", FILES + "/ledger-utils-2.1.jar", ChangeKind.CREATE),
                        org.assertj.core.groups.Tuple.tuple("job", JOB, ChangeKind.CREATE));

        provision(request);
        assertThat(world.technology.plan(spec).get().isNoop()).isTrue();
    }

    @Test
    void a_create_that_failed_is_checked_not_repeated() {
        world.cde.failNext("createJob", new UpstreamFailure.Unavailable("CDE", "POST /jobs", "502 Bad Gateway"));

        Either<UpstreamFailure, ProvisionResult> result =
                world.technology.provision(world.spec(CdeFixtures.fixture("jvm-job.yaml"), Operation.PROVISION), log);

        assertThat(result.getLeft().describe()).contains("POST /jobs", "502");
        assertThat(world.cde.writes()).doesNotContain("POST /jobs " + JOB);
    }

    @Test
    void a_failed_upload_is_the_failure_of_that_call() {
        world.cde.failNext("uploadFile", new UpstreamFailure.Unavailable("CDE", "PUT /resources/{name}/{file}", "503"));

        Either<UpstreamFailure, ProvisionResult> result =
                world.technology.provision(world.spec(CdeFixtures.fixture("jvm-job.yaml"), Operation.PROVISION), log);

        assertThat(result.getLeft().system()).isEqualTo("CDE");
        assertThat(world.cde.job(JOB)).isEmpty();
    }

    // ---------------------------------------------------------------- unprovision

    @Test
    void unprovision_deletes_the_job_then_its_resources() {
        ComponentRequest request = CdeFixtures.fixture("pyspark-env-job.yaml");
        ProvisionResult provisioned = provision(request);
        world.cde.clearWrites();
        String job = "finance-cashflow-1-py-env-development";

        Either<UpstreamFailure, ProvisionResult> result = world.technology.unprovision(
                world.spec(SuccessiveRuns.after(request, provisioned), Operation.UNPROVISION), log);

        assertThat(result.get().message()).contains("removed");
        assertThat(world.cde.writes())
                .containsExactly(
                        "DELETE /jobs/" + job,
                        "DELETE /resources/" + ResourceNames.files(job),
                        "DELETE /resources/" + ResourceNames.pythonEnv(job));
    }

    @Test
    void unprovision_of_a_job_that_is_not_there_completes() {
        Either<UpstreamFailure, ProvisionResult> result = world.technology.unprovision(
                world.spec(CdeFixtures.fixture("jvm-job.yaml"), Operation.UNPROVISION), log);

        assertThat(result.isRight()).isTrue();
        assertThat(result.get().message())
                .startsWith("CDE job ")
                .contains(" and its resources were already absent from virtual cluster ")
                .endsWith("; nothing to remove");
        assertThat(log.text()).contains("was not there");
    }

    @Test
    void unprovision_is_skipped_when_the_service_is_gone() {
        provision(CdeFixtures.fixture("jvm-job.yaml"));
        world.cdp.removeService(CdeWorld.SERVICE);

        ProvisionResult result = world.technology
                .unprovision(world.spec(CdeFixtures.fixture("jvm-job.yaml"), Operation.UNPROVISION), log)
                .get();

        assertThat(result.message()).startsWith("Unprovision skipped").contains("CDE Service not found");
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARNING [discovery]"));
    }

    @Test
    void unprovision_is_skipped_when_the_virtual_cluster_is_not_running() {
        world.cdp.addVirtualCluster(CdeWorld.SERVICE, "sleepy-vc", "AppInstalling");

        ProvisionResult result = world.technology
                .unprovision(
                        world.spec(
                                CdeFixtures.fixture("jvm-job.yaml", "cdeCluster: finance-vc", "cdeCluster: sleepy-vc"),
                                Operation.UNPROVISION),
                        log)
                .get();

        assertThat(result.message())
                .startsWith("Unprovision skipped")
                .contains("CDE Virtual Cluster exists but is not properly activated");
    }

    @Test
    void unprovision_fails_when_discovery_itself_fails() {
        CdeSpec spec = world.spec(CdeFixtures.fixture("jvm-job.yaml"), Operation.UNPROVISION);
        world.cdp.failWith(new UpstreamFailure.Unauthorized("CDP", "POST /api/v1/de/listServices", "403 Forbidden"));

        Either<UpstreamFailure, ProvisionResult> result = world.technology.unprovision(spec, log);

        assertThat(result.getLeft()).isInstanceOf(UpstreamFailure.Unauthorized.class);
    }

    @Test
    void unprovision_never_reads_the_artifacts() {
        provision(CdeFixtures.fixture("jvm-job.yaml"));
        world.artifacts.failWith(new UpstreamFailure.Unavailable("S3", "HeadObject", "down"));
        int reads = world.artifacts.reads();

        Either<UpstreamFailure, ProvisionResult> result = world.technology.unprovision(
                world.spec(CdeFixtures.fixture("jvm-job.yaml"), Operation.UNPROVISION), log);

        assertThat(result.isRight()).isTrue();
        assertThat(world.artifacts.reads()).isEqualTo(reads);
    }

    // ---------------------------------------------------------------- updateacl, reverse, readiness

    @Test
    void updateacl_completes_and_explains_that_nothing_changed() {
        ProvisionResult result = world.technology
                .updateAcl(
                        world.spec(CdeFixtures.fixture("jvm-job.yaml"), Operation.UPDATE_ACL), List.of("user:a"), log)
                .get();

        assertThat(result.message()).contains("no per-job access control", "nothing was changed");
        assertThat(log.text()).contains("nothing was changed");
        assertThat(world.cde.writes()).isEmpty();
    }

    @Test
    void reverse_imports_the_job_with_the_uris_of_the_catalog_info() throws Exception {
        provision(CdeFixtures.fixture("jvm-job.yaml"));
        ReverseProvisioningRequest request = new ReverseProvisioningRequest(
                "urn:dmb:utm:spark-workload-template:0.0.0",
                "development",
                JSON.readTree(
                        "{\"cdeService\":\"finance-de\",\"cdeCluster\":\"finance-vc\",\"jobName\":\"" + JOB + "\"}"),
                JSON.readTree("{\"spec\":{\"mesh\":{\"specific\":{\"jar\":"
                        + "\"s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar\"}}}}"));

        ReverseProvisioningResult result =
                world.technology.reverse(request, log).get();

        @SuppressWarnings("unchecked")
        Map<String, Object> specific = (Map<String, Object>) result.updates().get("spec.mesh.specific");
        assertThat(specific)
                .containsEntry("jobName", JOB)
                .containsEntry("jar", "s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar")
                .containsEntry("className", "org.example.cashflow.CashflowJob");
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) specific.get("jobConfig");
        assertThat(config)
                .containsEntry("numExecutors", 2)
                .containsEntry("dependencies", List.of("ledger-utils-2.1.jar"));
        assertThat(((Map<?, ?>) config.get("conf")).containsKey("dex.safariEnabled"))
                .isFalse();
        assertThat(log.text()).contains("ledger-utils-2.1.jar is not known");
    }

    @Test
    void reverse_of_an_unknown_job_names_the_parameter() throws Exception {
        ReverseProvisioningRequest request = new ReverseProvisioningRequest(
                "urn:dmb:utm:spark-workload-template:0.0.0",
                "development",
                JSON.readTree("{\"cdeService\":\"finance-de\",\"cdeCluster\":\"finance-vc\",\"jobName\":\"nope\"}"),
                JSON.createObjectNode());

        var problems = world.technology.reverse(request, log).getError();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("params.jobName");
            assertThat(p.message()).startsWith("CDE job not found");
        });
    }

    @Test
    void readiness_asks_the_cdp_api() {
        assertThat(world.technology.readiness().ready()).isTrue();

        world.cdp.failWith(
                new UpstreamFailure.Unavailable("CDP", "POST /api/v1/de/listServices", "connection refused"));

        assertThat(world.technology.readiness().ready()).isFalse();
        assertThat(world.technology.readiness().detail()).contains("connection refused");
    }
}
