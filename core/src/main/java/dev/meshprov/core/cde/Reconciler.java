package dev.meshprov.core.cde;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.PlannedChange;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
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
        List<CdeAction> creations = new ArrayList<>();
        List<CdeAction> uploads = new ArrayList<>();
        List<CdeAction> jobActions = new ArrayList<>();
        List<CdeAction> deletions = new ArrayList<>();
        List<PlannedChange> changes = new ArrayList<>();

        Optional<UpstreamFailure> wrongType = wrongType(desired.filesResource(), observed.filesResource())
                .or(() -> desired.pythonEnv().flatMap(env -> wrongType(env, observed.pythonEnv())));
        if (wrongType.isPresent()) {
            return Either.left(wrongType.get());
        }

        // the files resource and its files
        ResourceDefinition files = desired.filesResource();
        if (observed.filesResource().isEmpty()) {
            creations.add(new CdeAction.CreateResource(files));
            changes.add(new PlannedChange(RESOURCE, files.name(), ChangeKind.CREATE, "files resource"));
        } else {
            changes.add(new PlannedChange(RESOURCE, files.name(), ChangeKind.UNCHANGED, ""));
        }
        for (DesiredFile file : desired.files()) {
            compareFile(file, observed.filesResource(), recorded, uploads, changes);
        }
        Set<String> wanted = desired.files().stream().map(DesiredFile::name).collect(Collectors.toSet());
        observed.filesResource().ifPresent(resource -> resource.files().stream()
                .filter(f -> !wanted.contains(f.path()))
                .forEach(f -> {
                    deletions.add(new CdeAction.DeleteFile(resource.name(), f.path()));
                    changes.add(new PlannedChange(
                            FILE, resource.name() + "/" + f.path(), ChangeKind.DELETE, "no longer referenced"));
                }));

        // the Python environment
        if (desired.pythonEnv().isPresent()) {
            ResourceDefinition env = desired.pythonEnv().get();
            Optional<CdeResource> have = observed.pythonEnv();
            if (have.isEmpty()) {
                creations.add(new CdeAction.CreateResource(env));
                changes.add(new PlannedChange(RESOURCE, env.name(), ChangeKind.CREATE, "python-env resource"));
            } else if (!have.get().pythonEnv().equals(env.pythonEnv())) {
                creations.add(new CdeAction.RecreateResource(env));
                changes.add(new PlannedChange(
                        RESOURCE,
                        env.name(),
                        ChangeKind.REPLACE,
                        "Python settings " + describe(have.get().pythonEnv()) + " → " + describe(env.pythonEnv())));
                have = Optional.empty();
            } else {
                changes.add(new PlannedChange(RESOURCE, env.name(), ChangeKind.UNCHANGED, ""));
            }
            compareFile(desired.requirements().orElseThrow(), have, recorded, uploads, changes);
        } else {
            observed.pythonEnv().ifPresent(env -> {
                deletions.add(new CdeAction.DeleteResource(env.name()));
                changes.add(new PlannedChange(
                        RESOURCE, env.name(), ChangeKind.DELETE, "the job no longer uses a Python environment"));
            });
        }

        // the job
        CdeJob job = desired.job();
        if (observed.job().isEmpty()) {
            jobActions.add(new CdeAction.CreateJob(job));
            changes.add(new PlannedChange(JOB, job.name(), ChangeKind.CREATE, "Spark job"));
        } else {
            List<String> differences =
                    JobDifferences.between(job, observed.job().get());
            if (differences.isEmpty()) {
                changes.add(new PlannedChange(JOB, job.name(), ChangeKind.UNCHANGED, ""));
            } else {
                jobActions.add(new CdeAction.UpdateJob(job, differences));
                changes.add(new PlannedChange(JOB, job.name(), ChangeKind.UPDATE, String.join("; ", differences)));
            }
        }

        List<CdeAction> actions = new ArrayList<>(creations);
        actions.addAll(uploads);
        actions.addAll(jobActions);
        actions.addAll(deletions);
        return Either.right(new Reconciliation(actions, changes));
    }

    private static void compareFile(
            DesiredFile file,
            Optional<CdeResource> resource,
            RecordedState recorded,
            List<CdeAction> uploads,
            List<PlannedChange> changes) {
        Optional<ResourceFile> have = resource.flatMap(r -> r.file(file.name()));
        String from = "from " + file.source().uri();
        if (have.isEmpty()) {
            uploads.add(new CdeAction.UploadFile(file));
            changes.add(new PlannedChange(FILE, file.path(), ChangeKind.CREATE, from));
        } else if (unchanged(file, have.get(), recorded)) {
            changes.add(new PlannedChange(FILE, file.path(), ChangeKind.UNCHANGED, from));
        } else {
            uploads.add(new CdeAction.UploadFile(file));
            changes.add(new PlannedChange(FILE, file.path(), ChangeKind.UPDATE, "content differs; " + from));
        }
    }

    /**
     * Whether the file in the resource has the artifact's content: same size and either CDE's MD5 signature equals
     * the artifact's MD5 ETag, or the previous run recorded uploading this very artifact version to this file.
     */
    static boolean unchanged(DesiredFile file, ResourceFile have, RecordedState recorded) {
        ArtifactObject source = file.source();
        if (have.size() != source.size()) {
            return false;
        }
        if (have.signature().isPresent() && source.etagIsMd5()) {
            return have.signature().get().equalsIgnoreCase(source.etag());
        }
        return recorded.artifact(file.resource(), file.name())
                .filter(r -> r.source().equals(source.uri().uri())
                        && r.etag().equals(source.etag())
                        && r.size() == source.size())
                .isPresent();
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
}
