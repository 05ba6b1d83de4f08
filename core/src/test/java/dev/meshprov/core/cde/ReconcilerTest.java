package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.cde.testing.Md5;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.PlannedChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure reconciliation: which writes, in which order, and what {@code plan} says. */
class ReconcilerTest {

    private static final CdeJobTarget TARGET = new CdeJobTarget("svc", "vc", "job-1");
    private static final String FILES = TARGET.filesResource();

    private static ArtifactObject object(String uri, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new ArtifactObject(ArtifactUri.parse(uri).orElseThrow(), bytes.length, Md5.hex(bytes));
    }

    private static final ArtifactObject JAR = object("s3://bkt/app.jar", "jar v1");
    private static final ArtifactObject DEP = object("s3://bkt/dep.jar", "dep");

    private static CdeWorkload workload(int executors, ArtifactObject... dependencies) {
        JobConfig config = new JobConfig(
                List.of(),
                java.util.Arrays.stream(dependencies).map(ArtifactObject::uri).toList(),
                1,
                "1g",
                1,
                "1g",
                executors,
                "INFO",
                Map.of("dex.safariEnabled", "true"),
                Optional.empty());
        return new CdeWorkload(new SparkApplication.Jvm(JAR.uri(), "a.Main"), config, false);
    }

    private static DesiredState desired(CdeWorkload workload) {
        Map<ArtifactUri, ArtifactObject> found = Map.of(JAR.uri(), JAR, DEP.uri(), DEP);
        return DesiredState.of(TARGET, workload, found).get();
    }

    private static ResourceFile file(String name, ArtifactObject source) {
        return new ResourceFile(name, source.size(), Optional.of(source.etag()));
    }

    /** What CDE holds: {@code job}, and the files resource with {@code files}. */
    private static ObservedState observed(CdeJob job, List<ResourceFile> files) {
        return new ObservedState(
                Optional.of(new CdeResource(FILES, "files", Optional.empty(), files)),
                Optional.empty(),
                Optional.of(job));
    }

    private static ObservedState observedAsDesired(DesiredState desired) {
        return observed(
                desired.job(),
                desired.files().stream().map(f -> file(f.name(), f.source())).toList());
    }

    @Test
    void from_scratch_everything_is_created_in_order() {
        DesiredState desired = desired(workload(1, DEP));

        Reconciliation result = Reconciler.reconcile(
                        desired,
                        new ObservedState(Optional.empty(), Optional.empty(), Optional.empty()),
                        RecordedState.none())
                .get();

        assertThat(result.actions())
                .extracting(a -> a.getClass().getSimpleName())
                .containsExactly("CreateResource", "UploadFile", "UploadFile", "CreateJob");
        assertThat(result.changes())
                .extracting(PlannedChange::entity, PlannedChange::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("resource", ChangeKind.CREATE),
                        org.assertj.core.groups.Tuple.tuple("file", ChangeKind.CREATE),
                        org.assertj.core.groups.Tuple.tuple("file", ChangeKind.CREATE),
                        org.assertj.core.groups.Tuple.tuple("job", ChangeKind.CREATE));
    }

    @Test
    void an_identical_state_needs_no_write() {
        DesiredState desired = desired(workload(1, DEP));

        Reconciliation result = Reconciler.reconcile(desired, observedAsDesired(desired), RecordedState.none())
                .get();

        assertThat(result.actions()).isEmpty();
        assertThat(result.plan().isNoop()).isTrue();
    }

    @Test
    void a_changed_executor_count_is_one_job_update_naming_the_field() {
        DesiredState before = desired(workload(1));
        DesiredState after = desired(workload(3));

        Reconciliation result = Reconciler.reconcile(after, observedAsDesired(before), RecordedState.none())
                .get();

        assertThat(result.actions()).singleElement().isInstanceOf(CdeAction.UpdateJob.class);
        assertThat(result.changes())
                .filteredOn(c -> c.entity().equals("job"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).isEqualTo("numExecutors 1 → 3"));
    }

    @Test
    void a_removed_dependency_is_deleted_after_the_job_update() {
        DesiredState before = desired(workload(1, DEP));
        DesiredState after = desired(workload(1));

        Reconciliation result = Reconciler.reconcile(after, observedAsDesired(before), RecordedState.none())
                .get();

        assertThat(result.actions()).hasSize(2);
        assertThat(result.actions().get(0)).isInstanceOf(CdeAction.UpdateJob.class);
        assertThat(result.actions().get(1)).isEqualTo(new CdeAction.DeleteFile(FILES, "dep.jar"));
    }

    @Test
    void a_changed_artifact_is_uploaded_again() {
        DesiredState desired = desired(workload(1));
        ObservedState observed =
                observed(desired.job(), List.of(file("app.jar", object("s3://bkt/app.jar", "jar v0"))));

        Reconciliation result =
                Reconciler.reconcile(desired, observed, RecordedState.none()).get();

        assertThat(result.actions())
                .containsExactly(new CdeAction.UploadFile(desired.files().get(0)));
    }

    @Test
    void without_a_signature_the_recorded_checksum_tells_an_unchanged_file() {
        DesiredState desired = desired(workload(1));
        ObservedState observed =
                observed(desired.job(), List.of(new ResourceFile("app.jar", JAR.size(), Optional.empty())));
        RecordedState recorded = new RecordedState(
                Optional.of(FILES),
                Optional.empty(),
                List.of(new RecordedState.RecordedArtifact(
                        FILES, "app.jar", JAR.uri().uri(), JAR.etag(), JAR.size())));

        assertThat(Reconciler.reconcile(desired, observed, recorded).get().actions())
                .isEmpty();
        assertThat(Reconciler.reconcile(desired, observed, RecordedState.none())
                        .get()
                        .actions())
                .hasSize(1);
    }

    @Test
    void a_resource_of_another_type_is_a_conflict_not_overwritten() {
        DesiredState desired = desired(workload(1));
        ObservedState observed = new ObservedState(
                Optional.of(new CdeResource(FILES, "custom-runtime-image", Optional.empty(), List.of())),
                Optional.empty(),
                Optional.empty());

        assertThat(Reconciler.reconcile(desired, observed, RecordedState.none()).getLeft())
                .isInstanceOf(UpstreamFailure.Conflict.class);
    }

    @Test
    void changed_python_settings_recreate_the_environment() {
        ArtifactObject py = object("s3://bkt/main.py", "print(1)");
        ArtifactObject requirements = object("s3://bkt/requirements.txt", "pandas");
        CdeWorkload workload = new CdeWorkload(
                new SparkApplication.PySparkWithEnv(py.uri(), "python3", requirements.uri(), Optional.empty()),
                workload(1).config(),
                false);
        DesiredState desired = DesiredState.of(TARGET, workload, Map.of(py.uri(), py, requirements.uri(), requirements))
                .get();
        CdeResource env = new CdeResource(
                TARGET.pythonEnvResource(),
                "python-env",
                Optional.of(new PythonEnvSettings("python3", Optional.of("https://old.mirror/simple"))),
                List.of(file("requirements.txt", requirements)));
        CdeResource files = new CdeResource(FILES, "files", Optional.empty(), List.of(file("main.py", py)));

        Reconciliation result = Reconciler.reconcile(
                        desired,
                        new ObservedState(Optional.of(files), Optional.of(env), Optional.of(desired.job())),
                        RecordedState.none())
                .get();

        assertThat(result.actions())
                .containsExactly(
                        new CdeAction.RecreateResource(desired.pythonEnv().orElseThrow()),
                        new CdeAction.UploadFile(desired.requirements().orElseThrow()));
        assertThat(desired.job().spark().pythonEnvResourceName()).contains(TARGET.pythonEnvResource());
        assertThat(desired.job().spark().pyFiles()).isEmpty();
    }
}
