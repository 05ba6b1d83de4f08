package dev.meshprov.core.cde;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.PlannedChange;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the desired with the observed state and decides the writes: a pure function, which is also what
 * {@code plan} prints. Writes are ordered so that the job never points at a file that is not there yet: resources,
 * uploads, the job, then deletions of files and resources the job no longer uses.
 */
final class Reconciler {

    private static final String RESOURCE = "resource";
    private static final String FILE = "file";
    private static final String JOB = "job";

    private Reconciler() {}

    static Either<UpstreamFailure, Reconciliation> reconcile(
            DesiredState desired, ObservedState observed, RecordedState recorded) {
        Optional<UpstreamFailure> wrongType = wrongType(desired.filesResource(), observed.filesResource())
                .or(() -> desired.pythonEnv().flatMap(env -> wrongType(env, observed.pythonEnv())));
        if (wrongType.isPresent()) {
            return Either.left(wrongType.get());
        }
        Writes writes = new Writes();
        filesResource(desired, observed, recorded, writes);
        pythonEnv(desired, observed, recorded, writes);
        job(desired, observed, recorded, writes);
        return Either.right(writes.reconciliation());
    }

    /** The files resource, every file the job needs in it, and the deletion of the files it no longer needs. */
    private static void filesResource(
            DesiredState desired, ObservedState observed, RecordedState recorded, Writes writes) {
        ResourceDefinition files = desired.filesResource();
        if (observed.filesResource().isEmpty()) {
            writes.creations.add(new CdeAction.CreateResource(files));
            writes.changes.add(new PlannedChange(RESOURCE, files.name(), ChangeKind.CREATE, "files resource"));
        } else {
            writes.changes.add(new PlannedChange(RESOURCE, files.name(), ChangeKind.UNCHANGED, ""));
        }
        for (DesiredFile file : desired.files()) {
            compareFile(file, observed.filesResource(), recorded, writes);
        }
        Set<String> wanted = desired.files().stream().map(DesiredFile::name).collect(Collectors.toSet());
        observed.filesResource()
                .ifPresent(resource -> staleFiles(resource, wanted, recorded).forEach((name, why) -> {
                    writes.deletions.add(new CdeAction.DeleteFile(resource.name(), name));
                    writes.changes.add(new PlannedChange(FILE, resource.name() + "/" + name, ChangeKind.DELETE, why));
                }));
    }

    /**
     * The Python environment and its requirements file: created, recreated when its Python settings changed, or
     * deleted when the job no longer uses one.
     */
    private static void pythonEnv(DesiredState desired, ObservedState observed, RecordedState recorded, Writes writes) {
        if (desired.pythonEnv().isEmpty()) {
            observed.pythonEnv().ifPresent(env -> {
                writes.deletions.add(new CdeAction.DeleteResource(env.name()));
                writes.changes.add(new PlannedChange(
                        RESOURCE, env.name(), ChangeKind.DELETE, "the job no longer uses a Python environment"));
            });
            return;
        }
        ResourceDefinition env = desired.pythonEnv().get();
        Optional<CdeResource> have = observed.pythonEnv();
        if (have.isEmpty()) {
            writes.creations.add(new CdeAction.CreateResource(env));
            writes.changes.add(new PlannedChange(RESOURCE, env.name(), ChangeKind.CREATE, "python-env resource"));
        } else if (!have.get().pythonEnv().equals(env.pythonEnv())) {
            writes.creations.add(new CdeAction.RecreateResource(env));
            writes.changes.add(new PlannedChange(
                    RESOURCE,
                    env.name(),
                    ChangeKind.REPLACE,
                    "Python settings " + describe(have.get().pythonEnv()) + " → " + describe(env.pythonEnv())));
            have = Optional.empty();
        } else {
            writes.changes.add(new PlannedChange(RESOURCE, env.name(), ChangeKind.UNCHANGED, ""));
        }
        compareFile(desired.requirements().orElseThrow(), have, recorded, writes);
    }

    /** The job: created, or updated when it differs, keeping the Spark configuration CDE added itself. */
    private static void job(DesiredState desired, ObservedState observed, RecordedState recorded, Writes writes) {
        CdeJob job = desired.job();
        if (observed.job().isEmpty()) {
            writes.jobActions.add(new CdeAction.CreateJob(job));
            writes.changes.add(new PlannedChange(JOB, job.name(), ChangeKind.CREATE, "Spark job"));
            return;
        }
        CdeJob have = observed.job().get();
        Set<String> owned = JobDifferences.ownedConfKeys(job, recorded);
        List<String> differences = JobDifferences.between(job, have, owned);
        if (differences.isEmpty()) {
            writes.changes.add(new PlannedChange(JOB, job.name(), ChangeKind.UNCHANGED, ""));
        } else {
            writes.jobActions.add(
                    new CdeAction.UpdateJob(JobDifferences.keepingForeignConf(job, have, owned), differences));
            writes.changes.add(new PlannedChange(JOB, job.name(), ChangeKind.UPDATE, String.join("; ", differences)));
        }
    }

    private static void compareFile(
            DesiredFile file, Optional<CdeResource> resource, RecordedState recorded, Writes writes) {
        String from = "from " + file.source().uri();
        if (resource.isEmpty()) {
            writes.uploads.add(new CdeAction.UploadFile(file));
            writes.changes.add(new PlannedChange(FILE, file.path(), ChangeKind.CREATE, from));
            return;
        }
        if (!resource.get().filesListed()) {
            if (FileComparison.unchangedUnlisted(file, recorded)) {
                writes.changes.add(new PlannedChange(
                        FILE, file.path(), ChangeKind.UNCHANGED, from + " (as recorded; CDE did not list the files)"));
            } else {
                writes.uploads.add(new CdeAction.UploadFile(file));
                writes.changes.add(new PlannedChange(
                        FILE,
                        file.path(),
                        ChangeKind.UPDATE,
                        "CDE did not list the files and no upload of this version is recorded; " + from));
            }
            return;
        }
        Optional<ResourceFile> have = resource.get().file(file.name());
        if (have.isEmpty()) {
            writes.uploads.add(new CdeAction.UploadFile(file));
            writes.changes.add(new PlannedChange(FILE, file.path(), ChangeKind.CREATE, from));
        } else if (FileComparison.unchanged(file, have.get(), recorded)) {
            writes.changes.add(new PlannedChange(FILE, file.path(), ChangeKind.UNCHANGED, from));
        } else {
            writes.uploads.add(new CdeAction.UploadFile(file));
            writes.changes.add(new PlannedChange(FILE, file.path(), ChangeKind.UPDATE, "content differs; " + from));
        }
    }

    /**
     * The files of the resource no longer referenced, with the reason: those listed, or — when CDE did not list the
     * files — those meshprov recorded uploading.
     */
    private static Map<String, String> staleFiles(CdeResource resource, Set<String> wanted, RecordedState recorded) {
        Map<String, String> stale = new LinkedHashMap<>();
        if (resource.filesListed()) {
            resource.files().stream()
                    .map(ResourceFile::path)
                    .filter(path -> !wanted.contains(path))
                    .forEach(path -> stale.put(path, "no longer referenced"));
        } else {
            recorded.artifactsIn(resource.name()).stream()
                    .map(RecordedState.RecordedArtifact::file)
                    .filter(name -> !wanted.contains(name))
                    .forEach(name -> stale.put(name, "no longer referenced (recorded as uploaded by meshprov)"));
        }
        return stale;
    }

    private static Optional<UpstreamFailure> wrongType(ResourceDefinition wanted, Optional<CdeResource> have) {
        return have.filter(r -> !r.type().equals(wanted.type().wireName()))
                .map(r -> new UpstreamFailure.Conflict(
                        "CDE",
                        "GET /resources/" + r.name(),
                        "the resource " + r.name() + " exists with type " + r.type() + ", but meshprov needs a "
                                + wanted.type() + " resource of that name; delete it or rename the job"));
    }

    private static String describe(Optional<PythonEnvSettings> settings) {
        return settings.map(s -> s.pythonVersion()
                        + s.pyPiMirror().map(m -> " from " + m).orElse(""))
                .orElse("(none)");
    }

    /** The writes decided so far, by kind, and every planned change in the order it was decided. */
    private static final class Writes {
        final List<CdeAction> creations = new ArrayList<>();
        final List<CdeAction> uploads = new ArrayList<>();
        final List<CdeAction> jobActions = new ArrayList<>();
        final List<CdeAction> deletions = new ArrayList<>();
        final List<PlannedChange> changes = new ArrayList<>();

        /** The actions in the order that keeps the job valid: creations, uploads, the job, deletions. */
        Reconciliation reconciliation() {
            List<CdeAction> actions = new ArrayList<>(creations);
            actions.addAll(uploads);
            actions.addAll(jobActions);
            actions.addAll(deletions);
            return new Reconciliation(actions, changes);
        }
    }
}
