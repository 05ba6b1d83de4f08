package dev.meshprov.core.cde;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.OperationLog;
import io.vavr.control.Either;

/**
 * Makes the writes of a {@link Reconciliation} through the gateways, logging each. A create that failed in a way
 * that may have taken effect is checked by reading, never blindly repeated.
 */
final class ActionRunner {

    private final CdeGateway cde;
    private final ArtifactStore artifacts;

    ActionRunner(CdeGateway cde, ArtifactStore artifacts) {
        this.cde = cde;
        this.artifacts = artifacts;
    }

    Either<UpstreamFailure, Done> run(VcEndpoint vc, CdeAction action, OperationLog log) {
        if (action instanceof CdeAction.CreateResource create) {
            return createResource(vc, create.definition(), log);
        }
        if (action instanceof CdeAction.RecreateResource recreate) {
            String name = recreate.definition().name();
            return cde.deleteResource(vc, name).flatMap(deleted -> {
                log.info("resources", "Deleted resource " + name + " to recreate it with new Python settings");
                return createResource(vc, recreate.definition(), log);
            });
        }
        if (action instanceof CdeAction.UploadFile upload) {
            return upload(vc, upload.file(), log);
        }
        if (action instanceof CdeAction.DeleteFile delete) {
            return cde.deleteFile(vc, delete.resource(), delete.name()).map(deleted -> {
                log.info("files", "Deleted " + delete.resource() + "/" + delete.name() + ", no longer referenced");
                return Done.DONE;
            });
        }
        if (action instanceof CdeAction.DeleteResource delete) {
            return cde.deleteResource(vc, delete.name()).map(deleted -> {
                log.info("resources", "Deleted resource " + delete.name() + ", no longer used by the job");
                return Done.DONE;
            });
        }
        if (action instanceof CdeAction.CreateJob create) {
            return createJob(vc, create.job(), log);
        }
        CdeAction.UpdateJob update = (CdeAction.UpdateJob) action;
        return cde.updateJob(vc, update.job()).map(done -> {
            log.info("job", "Updated job " + update.job().name() + ": " + String.join("; ", update.differences()));
            return done;
        });
    }

    private Either<UpstreamFailure, Done> createResource(
            VcEndpoint vc, ResourceDefinition definition, OperationLog log) {
        Either<UpstreamFailure, Done> created = cde.createResource(vc, definition);
        if (created.isLeft() && created.getLeft() instanceof UpstreamFailure.Conflict) {
            log.info("resources", "Resource " + definition.name() + " already exists");
            return Either.right(Done.DONE);
        }
        if (created.isLeft() && created.getLeft().retryable()) {
            return confirmResource(vc, definition, created.getLeft(), log);
        }
        return created.map(done -> {
            log.info("resources", "Created " + definition.type() + " resource " + definition.name());
            return done;
        });
    }

    private Either<UpstreamFailure, Done> confirmResource(
            VcEndpoint vc, ResourceDefinition definition, UpstreamFailure failure, OperationLog log) {
        return cde.getResource(vc, definition.name()).flatMap(found -> {
            if (found.isEmpty()) {
                return Either.left(failure);
            }
            log.info(
                    "resources",
                    "Created resource " + definition.name() + " (confirmed after: " + failure.kind() + ")");
            return Either.right(Done.DONE);
        });
    }

    private Either<UpstreamFailure, Done> upload(VcEndpoint vc, DesiredFile file, OperationLog log) {
        return artifacts
                .read(file.source().uri(), (content, length) -> cde.uploadFile(
                                vc, file.resource(), file.name(), content, length)
                        .map(done -> length))
                .map(length -> {
                    log.info("files", "Uploaded " + file.source().uri() + " (" + length + " bytes) to " + file.path());
                    return Done.DONE;
                });
    }

    private Either<UpstreamFailure, Done> createJob(VcEndpoint vc, CdeJob job, OperationLog log) {
        Either<UpstreamFailure, Done> created = cde.createJob(vc, job);
        if (created.isRight()) {
            log.info("job", "Created job " + job.name());
            return created;
        }
        UpstreamFailure failure = created.getLeft();
        if (failure instanceof UpstreamFailure.Conflict) {
            log.info("job", "Job " + job.name() + " appeared meanwhile; updating it");
            return cde.updateJob(vc, job);
        }
        if (!failure.retryable()) {
            return created;
        }
        return cde.getJob(vc, job.name()).flatMap(found -> {
            if (found.isEmpty()) {
                return Either.left(failure);
            }
            log.info("job", "Created job " + job.name() + " (confirmed after: " + failure.kind() + ")");
            java.util.Set<String> owned = job.spark().conf().keySet();
            return JobDifferences.between(job, found.get(), owned).isEmpty()
                    ? Either.right(Done.DONE)
                    : cde.updateJob(vc, JobDifferences.keepingForeignConf(job, found.get(), owned));
        });
    }
}
