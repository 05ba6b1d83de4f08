package dev.meshprov.core.mwaa;

import static dev.meshprov.core.mwaa.MwaaFixtures.DAG;
import static dev.meshprov.core.mwaa.MwaaFixtures.DESCRIPTOR;
import static dev.meshprov.core.mwaa.MwaaFixtures.LEGACY;
import static dev.meshprov.core.mwaa.MwaaFixtures.NOW;
import static dev.meshprov.core.mwaa.MwaaFixtures.STAGING;
import static dev.meshprov.core.mwaa.MwaaFixtures.environment;
import static dev.meshprov.core.mwaa.MwaaFixtures.fixture;
import static dev.meshprov.core.mwaa.MwaaFixtures.settings;
import static dev.meshprov.core.mwaa.MwaaFixtures.technology;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import dev.meshprov.core.testing.CollectingOperationLog;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Provision, plan, unprovision and updateacl through the in-memory store. */
class MwaaProvisioningTest {

    private InMemoryDagStore store = InMemoryDagStore.withBuckets();
    private MwaaTechnology technology = technology(settings(), store);
    private final CollectingOperationLog log = new CollectingOperationLog();

    private MwaaSpec spec(ComponentRequest request, Operation operation) {
        var result = technology.validate(request, operation);
        assertThat(result.isValid()).as("%s", result).isTrue();
        return result.get();
    }

    private ProvisionResult provision(ComponentRequest request) {
        Either<UpstreamFailure, ProvisionResult> result = technology.provision(spec(request, Operation.PROVISION), log);
        assertThat(result.isRight()).as("%s", result).isTrue();
        return result.get();
    }

    private ProvisionResult unprovision(ComponentRequest request) {
        Either<UpstreamFailure, ProvisionResult> result =
                technology.unprovision(spec(request, Operation.UNPROVISION), log);
        assertThat(result.isRight()).as("%s", result).isTrue();
        return result.get();
    }

    private static List<ChangeKind> kinds(Plan plan) {
        return plan.changes().stream().map(PlannedChange::kind).toList();
    }

    @Test
    void provisionCopiesTheDagAndWritesTheDescriptorFile() throws Exception {
        store.seed(STAGING, "print('cashflow')\n");

        ProvisionResult result = provision(fixture("template-output.yaml"));

        assertThat(store.content(DAG)).contains("print('cashflow')\n");
        assertThat(result.message()).isEqualTo("DAG finance_cashflow_1_cashflow_daily deployed to mem://" + DAG);
        String descriptor = store.content(DESCRIPTOR).orElseThrow();
        assertThat(descriptor).startsWith("# Data product descriptor of finance.cashflow.1");
        JsonNode written = new YAMLMapper().readTree(descriptor);
        assertThat(written.path("id").asText()).isEqualTo("urn:dmb:dp:finance:cashflow:1");
        assertThat(written.path("components")).hasSize(2);
        assertThat(store.calls()).containsSubsequence("Put " + DESCRIPTOR, "Copy " + DAG);
        assertThat(log.text())
                .contains("Created data product descriptor file mem://" + DESCRIPTOR)
                .contains("Created DAG file mem://" + DAG);
    }

    @Test
    void secretsOfTheDataProductAppearNeitherInTheDescriptorFileNorInLogsOrInfo() {
        store.seed(STAGING, "print(1)\n");

        ProvisionResult result = provision(fixture("template-output.yaml"));
        unprovision(fixture("template-output.yaml"));

        String canary = "canary-airbyte-password-4711";
        assertThat(fixture("template-output.yaml").dataProduct().node().toString())
                .contains(canary);
        assertThat(log.text()).doesNotContain(canary);
        assertThat(result.info().orElseThrow().toString()).doesNotContain(canary);
        assertThat(result.message()).doesNotContain(canary);
    }

    @Test
    void theDescriptorFileMasksSecrets() {
        store.seed(STAGING, "print(1)\n");

        provision(fixture("template-output.yaml"));

        assertThat(store.content(DESCRIPTOR).orElseThrow())
                .doesNotContain("canary-airbyte-password-4711")
                .contains("password: \"***\"");
    }

    @Test
    void infoNamesTheDagForPeopleAndTheKeysForTheNextRun() {
        MwaaSettings settings = new MwaaSettings(
                Set.of("finance-mwaa-dev"),
                Map.of("development", environment(null, null, null, "https://airflow.example.org")),
                true);
        technology = technology(settings, store);
        StoredObject staged = store.seed(STAGING, "print(1)\n");

        Info info = provision(fixture("template-output.yaml")).info().orElseThrow();

        assertThat(info.publicInfo())
                .containsKeys("dagId", "dagLocation", "airflowUi", "schedule", "descriptorFile", "deployedAt");
        assertThat(info.publicInfo().get("dagId"))
                .isEqualTo(InfoEntry.text("DAG id", "finance_cashflow_1_cashflow_daily"));
        assertThat(info.publicInfo().get("airflowUi"))
                .isEqualTo(InfoEntry.link(
                        "Airflow UI",
                        "finance_cashflow_1_cashflow_daily",
                        "https://airflow.example.org/dags/finance_cashflow_1_cashflow_daily/grid"));
        assertThat(info.publicInfo().get("schedule")).isEqualTo(InfoEntry.text("Schedule", "0 6 * * *"));
        assertThat(info.publicInfo().get("deployedAt"))
                .isEqualTo(InfoEntry.date("DAG file deployed at", NOW.toString()));
        assertThat(info.privateInfo())
                .containsEntry("bucket", "finance-mwaa-dev")
                .containsEntry("stagingKey", STAGING.key())
                .containsEntry("dagKey", DAG.key())
                .containsEntry("descriptorKey", DESCRIPTOR.key())
                .containsEntry("stagingEtag", staged.etag())
                .containsEntry("dagEtag", store.head(DAG).get().orElseThrow().etag())
                .doesNotContainKey("stagingVersionId");
    }

    @Test
    void withoutAirflowUiThereIsNoLink() {
        store.seed(STAGING, "print(1)\n");

        Info info = provision(fixture("template-output.yaml")).info().orElseThrow();

        assertThat(info.publicInfo()).doesNotContainKey("airflowUi");
    }

    @Test
    void reprovisioningAnUnchangedDagCopiesNothing() {
        store.seed(STAGING, "print(1)\n");
        provision(fixture("template-output.yaml"));
        long copies = store.count("Copy");
        long puts = store.count("Put");

        ProvisionResult again = provision(fixture("template-output.yaml"));

        assertThat(store.count("Copy")).isEqualTo(copies);
        assertThat(store.count("Put")).isEqualTo(puts);
        assertThat(log.text()).contains("is unchanged: already deployed from the staging file's ETag");
        assertThat(again.info().orElseThrow().publicInfo()).doesNotContainKey("deployedAt");
    }

    @Test
    void anUnchangedDagKeepsTheDeploymentTimeOfThePreviousRun() {
        store.seed(STAGING, "print(1)\n");
        provision(fixture("template-output.yaml"));
        ComponentRequest withPreviousInfo =
                MwaaFixtures.edited(root -> ((ObjectNode) MwaaFixtures.airflowComponent(root))
                        .putObject("info")
                        .putObject("privateInfo")
                        .put("deployedAt", "2026-01-01T00:00:00Z"));
        ComponentRequest request = new ComponentRequest(
                withPreviousInfo.dataProduct(),
                withPreviousInfo.component(),
                false,
                withPreviousInfo.component().node().path("info"));

        Info info = provision(request).info().orElseThrow();

        assertThat(info.publicInfo().get("deployedAt").value()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void reprovisioningAfterTheStagingFileChangedCopiesAgain() {
        store.seed(STAGING, "print(1)\n");
        provision(fixture("template-output.yaml"));
        store.seed(STAGING, "print(2)\n");

        Plan plan = technology
                .plan(spec(fixture("template-output.yaml"), Operation.PROVISION))
                .get();
        provision(fixture("template-output.yaml"));

        assertThat(kinds(plan)).containsExactly(ChangeKind.UNCHANGED, ChangeKind.UPDATE);
        assertThat(store.content(DAG)).contains("print(2)\n");
        assertThat(store.count("Copy")).isEqualTo(2);
        assertThat(log.text()).contains("Updated DAG file");
    }

    @Test
    void aChangedDataProductRewritesOnlyTheDescriptorFile() {
        store.seed(STAGING, "print(1)\n");
        provision(fixture("template-output.yaml"));

        provision(MwaaFixtures.edited(root -> ((ObjectNode) root.path("dataProduct")).put("description", "changed")));

        assertThat(store.count("Put")).isEqualTo(2);
        assertThat(store.count("Copy")).isEqualTo(1);
        assertThat(store.content(DESCRIPTOR).orElseThrow()).contains("changed");
    }

    @Test
    void planReportsWithoutWriting() {
        store.seed(STAGING, "print(1)\n");
        store.seed(LEGACY, "print(0)\n");

        Plan plan = technology
                .plan(spec(fixture("template-output.yaml"), Operation.PROVISION))
                .get();

        assertThat(plan.changes())
                .extracting(PlannedChange::entity, PlannedChange::name, PlannedChange::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("descriptor", "mem://" + DESCRIPTOR, ChangeKind.CREATE),
                        org.assertj.core.groups.Tuple.tuple("dag", "mem://" + DAG, ChangeKind.CREATE),
                        org.assertj.core.groups.Tuple.tuple("legacy-dag", "mem://" + LEGACY, ChangeKind.DELETE));
        assertThat(store.calls()).allMatch(call -> call.startsWith("Head ") || call.startsWith("Exists "));

        provision(fixture("template-output.yaml"));
        assertThat(technology
                        .plan(spec(fixture("template-output.yaml"), Operation.PROVISION))
                        .get()
                        .isNoop())
                .isTrue();
    }

    @Test
    void theLegacyDottedDagIsDeletedSoThatOnlyOneDagIdRuns() {
        store.seed(STAGING, "print(1)\n");
        store.seed(LEGACY, "print(0)\n");

        provision(fixture("template-output.yaml"));

        assertThat(store.content(LEGACY)).isEmpty();
        assertThat(log.text()).contains("Deleted mem://" + LEGACY + ", the pre-2025 dotted name of this DAG");
    }

    @Test
    void theLegacyDottedDagIsKeptWhenCleanupIsOff() {
        technology = technology(new MwaaSettings(Set.of("finance-mwaa-dev"), Map.of(), false), store);
        store.seed(STAGING, "print(1)\n");
        store.seed(LEGACY, "print(0)\n");

        provision(fixture("template-output.yaml"));

        assertThat(store.content(LEGACY)).isPresent();
        assertThat(log.lines()).anyMatch(line -> line.startsWith("WARNING [legacy] Kept mem://" + LEGACY));
    }

    @Test
    void configOverridesAreLogged() {
        technology = technology(
                MwaaFixtures.withEnvironment("development", environment(null, null, "airflow/dags/", null)), store);
        store.seed(STAGING, "print(1)\n");

        provision(fixture("template-output.yaml"));

        assertThat(log.lines())
                .anyMatch(line -> line.startsWith("INFO [config] destinationPath: using 'airflow/dags/'"));
        assertThat(store.content(
                        new ObjectRef("finance-mwaa-dev", "airflow/dags/finance_cashflow_1_cashflow_daily.py")))
                .isPresent();
    }

    @Test
    void aVersionedStorePinsAndRecordsTheStagingVersion() {
        store = InMemoryDagStore.versioned();
        technology = technology(settings(), store);
        StoredObject staged = store.seed(STAGING, "print(1)\n");

        Info info = provision(fixture("template-output.yaml")).info().orElseThrow();

        assertThat(info.privateInfo())
                .containsEntry("stagingVersionId", staged.versionId().orElseThrow())
                .containsKey("dagVersionId");
    }

    @Test
    void aFailedCopyIsAnHonestUpstreamFailure() {
        store.seed(STAGING, "print(1)\n");
        MwaaSpec spec = spec(fixture("template-output.yaml"), Operation.PROVISION);
        UpstreamFailure denied = new UpstreamFailure.Unauthorized("memory", "CopyObject", "AccessDenied");
        store.failWhen(call -> call.startsWith("Copy "), denied);

        Either<UpstreamFailure, ProvisionResult> result = technology.provision(spec, log);

        assertThat(result.isLeft()).isTrue();
        assertThat(result.getLeft()).isSameAs(denied);
    }

    @Test
    void aStagingFileRemovedAfterValidationIsNotFound() {
        store.seed(STAGING, "print(1)\n");
        MwaaSpec spec = spec(fixture("template-output.yaml"), Operation.PROVISION);
        store.delete(STAGING);

        Either<UpstreamFailure, ProvisionResult> result = technology.provision(spec, log);

        assertThat(result.getLeft()).isInstanceOf(UpstreamFailure.NotFound.class);
        assertThat(result.getLeft().describe()).contains("mem://" + STAGING).contains("does not exist");
        assertThat(store.content(DAG)).isEmpty();
    }

    @Test
    void unprovisionDeletesTheDagAndTheLastDescriptorWithoutNeedingTheStagingFile() {
        store.seed(STAGING, "print(1)\n");
        provision(fixture("template-output.yaml"));
        store.delete(STAGING);
        store.seed(LEGACY, "print(0)\n");
        int before = store.calls().size();

        ProvisionResult result = unprovision(fixture("template-output.yaml"));

        assertThat(store.content(DAG)).isEmpty();
        assertThat(store.content(LEGACY)).isEmpty();
        assertThat(store.content(DESCRIPTOR)).isEmpty();
        assertThat(result.info()).isEmpty();
        assertThat(store.calls().subList(before, store.calls().size())).noneMatch(call -> call.contains("source/"));
        assertThat(log.text())
                .contains("Deleted DAG file mem://" + DAG)
                .contains("Deleted pre-2025 dotted DAG file mem://" + LEGACY)
                .contains("Deleted data product descriptor file")
                .contains("Airflow keeps the run history of DAG finance_cashflow_1_cashflow_daily");
    }

    @Test
    void unprovisionTwiceSucceeds() {
        store.seed(STAGING, "print(1)\n");
        provision(fixture("template-output.yaml"));
        unprovision(fixture("template-output.yaml"));

        unprovision(fixture("template-output.yaml"));

        assertThat(log.text()).contains("DAG file mem://" + DAG + " is already absent");
        assertThat(store.count("Delete")).isEqualTo(2);
    }

    @Test
    void unprovisionKeepsTheDescriptorFileWhileAnotherDagOfTheDataProductRemains() {
        ComponentRequest daily = fixture("two-airflow-components.yaml");
        ObjectRef monthlyDag = new ObjectRef("finance-mwaa-dev", "dags/finance_cashflow_1_monthly.py");
        store.seed(new ObjectRef("finance-mwaa-dev", "source/finance.cashflow.1.daily.py"), "print('daily')\n");
        store.seed(monthlyDag, "print('monthly')\n");
        store.seed(
                new ObjectRef("finance-mwaa-dev", "dags/finance_cashflow_1_sub/other.py"),
                "nested, not a DAG of the folder");
        store.seed(new ObjectRef("finance-mwaa-dev", "dags/finance_cashflow_2_x.py"), "another major version");
        provision(daily);

        unprovision(daily);

        assertThat(store.content(DESCRIPTOR)).isPresent();
        assertThat(log.text())
                .contains("Kept data product descriptor file mem://" + DESCRIPTOR
                        + ": 1 other DAG file(s) of finance.cashflow.1 remain (dags/finance_cashflow_1_monthly.py)");

        store.delete(monthlyDag);
        unprovision(daily);
        assertThat(store.content(DESCRIPTOR)).isEmpty();
    }

    @Test
    void aLegacyDottedDagOfAnotherComponentAlsoKeepsTheDescriptorFile() {
        store.seed(STAGING, "print(1)\n");
        provision(fixture("template-output.yaml"));
        store.seed(new ObjectRef("finance-mwaa-dev", "dags/finance.cashflow.1.older.py"), "print(0)\n");

        unprovision(fixture("template-output.yaml"));

        assertThat(store.content(DESCRIPTOR)).isPresent();
    }

    @Test
    void removeDataIsExplained() {
        ComponentRequest request = fixture("template-output.yaml");
        MwaaSpec spec = spec(
                new ComponentRequest(request.dataProduct(), request.component(), true, request.previousInfo()),
                Operation.UNPROVISION);

        technology.unprovision(spec, log);

        assertThat(log.text()).contains("removeData is set, but a DAG holds no data");
    }

    @Test
    void aFailedDeleteIsAnHonestUpstreamFailure() {
        store.seed(DAG, "print(1)\n");
        store.failWhen(
                call -> call.startsWith("Delete "), new UpstreamFailure.Unavailable("memory", "DeleteObject", "reset"));

        Either<UpstreamFailure, ProvisionResult> result =
                technology.unprovision(spec(fixture("template-output.yaml"), Operation.UNPROVISION), log);

        assertThat(result.getLeft()).isInstanceOf(UpstreamFailure.Unavailable.class);
    }

    @Test
    void updateAclChangesNothingAndSaysWhy() {
        Either<UpstreamFailure, ProvisionResult> result = technology.updateAcl(
                spec(fixture("template-output.yaml"), Operation.UPDATE_ACL), List.of("user:jane", "group:dev"), log);

        assertThat(result.isRight()).isTrue();
        assertThat(result.get().message()).contains("Nothing to change");
        assertThat(log.text())
                .contains("no access control that meshprov manages")
                .contains("2 requested principal(s)");
        assertThat(store.calls()).isEmpty();
    }

    @Test
    void readinessChecksTheConfiguredBuckets() {
        assertThat(technology.readiness().ready()).isTrue();
        assertThat(store.calls()).containsExactly("Readiness finance-mwaa-dev,finance-mwaa-other");
    }
}
