package dev.meshprov.core.cde;

import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cloudera Data Engineering: one workload component is one Spark job in a virtual cluster of a CDE service, plus a
 * {@code files} resource with its artifacts (and a {@code python-env} resource for PySpark with requirements).
 * Orchestrates the {@link CdpGateway}, the {@link CdeGateway} and the {@link ArtifactStore}; the decisions are made
 * by the pure {@link Reconciler}, the descriptor is read by {@link CdeDescriptorRules} and reverse provisioning is
 * {@link ReverseProvisioning}'s.
 */
public final class CdeTechnology implements Technology<CdeSpec> {

    private final CdpGateway cdp;
    private final CdeGateway cde;
    private final ArtifactStore artifacts;
    private final CdeDescriptorRules rules;
    private final Discovery discovery;
    private final OnlineChecks onlineChecks;
    private final ActionRunner runner;
    private final ListedSignatures listedSignatures;
    private final ReverseProvisioning reverseProvisioning;

    public CdeTechnology(CdpGateway cdp, CdeGateway cde, ArtifactStore artifacts, CdeSettings settings) {
        this.cdp = Objects.requireNonNull(cdp, "cdp");
        this.cde = Objects.requireNonNull(cde, "cde");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.rules = new CdeDescriptorRules(Objects.requireNonNull(settings, "settings"));
        this.discovery = new Discovery(cdp);
        this.onlineChecks = new OnlineChecks(discovery, artifacts);
        this.runner = new ActionRunner(cde, artifacts);
        this.listedSignatures = new ListedSignatures(cde);
        this.reverseProvisioning = new ReverseProvisioning(discovery, cde);
    }

    // ---------------------------------------------------------------- validate

    @Override
    public Validation<Seq<Problem>, CdeSpec> validate(ComponentRequest request, Operation operation) {
        boolean full = operation == Operation.VALIDATE || operation == Operation.PROVISION;
        DescriptorReading reading = rules.read(request, full);
        List<Problem> problems = new ArrayList<>(reading.problems());
        if (full) {
            problems.addAll(onlineChecks.check(reading));
        }
        return Validations.fromProblems(
                problems,
                () -> new CdeSpec(
                        request.component().id(),
                        reading.target().orElseThrow(),
                        reading.workload(),
                        RecordedState.from(request.previousPrivateInfo())));
    }

    // ---------------------------------------------------------------- plan and provision

    @Override
    public Either<UpstreamFailure, Plan> plan(CdeSpec spec) {
        CdeWorkload workload = spec.requireWorkload();
        return discovery
                .require(spec.target().serviceName(), spec.target().virtualClusterName())
                .flatMap(found -> desired(spec.target(), workload)
                        .flatMap(desired -> observe(found.endpoint(), spec.target())
                                .flatMap(observed -> Reconciler.reconcile(desired, observed, spec.recorded()))))
                .map(Reconciliation::plan);
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> provision(CdeSpec spec, OperationLog log) {
        CdeWorkload workload = spec.requireWorkload();
        CdeJobTarget target = spec.target();
        Either<UpstreamFailure, Discovered> discovered =
                discovery.require(target.serviceName(), target.virtualClusterName());
        if (discovered.isLeft()) {
            return Either.left(discovered.getLeft());
        }
        Discovered found = discovered.get();
        log.info("discovery", ProvisionMessages.describe(found));
        Either<UpstreamFailure, DesiredState> desired = desired(target, workload);
        if (desired.isLeft()) {
            return Either.left(desired.getLeft());
        }
        Either<UpstreamFailure, ObservedState> observed = observe(found.endpoint(), target);
        Either<UpstreamFailure, Reconciliation> reconciled =
                observed.flatMap(state -> Reconciler.reconcile(desired.get(), state, spec.recorded()));
        if (reconciled.isLeft()) {
            return Either.left(reconciled.getLeft());
        }
        Reconciliation reconciliation = reconciled.get();
        if (reconciliation.actions().isEmpty()) {
            log.info("reconcile", "The job, its resources and files are up to date; nothing to change");
        }
        for (CdeAction action : reconciliation.actions()) {
            Either<UpstreamFailure, Done> done = runner.run(found.endpoint(), action, log);
            if (done.isLeft()) {
                return Either.left(done.getLeft());
            }
        }
        Map<String, String> signatures =
                listedSignatures.after(found.endpoint(), observed.get(), reconciliation.actions(), log);
        Optional<String> runId = Optional.empty();
        if (workload.runOnProvision()) {
            Either<UpstreamFailure, String> run = cde.runJob(found.endpoint(), target.jobName());
            if (run.isLeft()) {
                return Either.left(run.getLeft());
            }
            runId = Optional.of(run.get());
            log.info("run", "Started run " + run.get() + " of job " + target.jobName());
        }
        return Either.right(ProvisionResult.of(
                ProvisionMessages.summary(target, found, reconciliation.changes()),
                CdeInfo.of(found, desired.get(), runId, signatures)));
    }

    private Either<UpstreamFailure, DesiredState> desired(CdeJobTarget target, CdeWorkload workload) {
        Map<ArtifactUri, ArtifactObject> found = new LinkedHashMap<>();
        for (ArtifactUri uri : new LinkedHashSet<>(DesiredState.artifactsOf(workload))) {
            Either<UpstreamFailure, Optional<ArtifactObject>> head = artifacts.head(uri);
            if (head.isLeft()) {
                return Either.left(head.getLeft());
            }
            head.get().ifPresent(object -> found.put(uri, object));
        }
        return DesiredState.of(target, workload, found);
    }

    private Either<UpstreamFailure, ObservedState> observe(VcEndpoint vc, CdeJobTarget target) {
        return cde.getResource(vc, target.filesResource()).flatMap(files -> cde.getResource(
                        vc, target.pythonEnvResource())
                .flatMap(env -> cde.getJob(vc, target.jobName()).map(job -> new ObservedState(files, env, job))));
    }

    // ---------------------------------------------------------------- unprovision

    @Override
    public Either<UpstreamFailure, ProvisionResult> unprovision(CdeSpec spec, OperationLog log) {
        CdeJobTarget target = spec.target();
        Either<UpstreamFailure, Either<Unusable, Discovered>> outcome =
                discovery.discover(target.serviceName(), target.virtualClusterName());
        if (outcome.isLeft()) {
            return Either.left(outcome.getLeft());
        }
        if (outcome.get().isLeft()) {
            String reason = outcome.get().getLeft().reason();
            log.warning("discovery", "Nothing to delete: " + reason);
            return Either.right(ProvisionResult.withoutInfo("Unprovision skipped: " + reason));
        }
        Discovered found = outcome.get().get();
        log.info("discovery", ProvisionMessages.describe(found));
        VcEndpoint vc = found.endpoint();
        Either<UpstreamFailure, Boolean> job = cde.deleteJob(vc, target.jobName());
        if (job.isLeft()) {
            return Either.left(job.getLeft());
        }
        log.info("job", job.get() ? "Deleted job " + target.jobName() : "Job " + target.jobName() + " was not there");
        List<String> resources = new ArrayList<>();
        resources.add(spec.recorded().filesResource().orElse(target.filesResource()));
        resources.add(spec.recorded().pythonEnvResource().orElse(target.pythonEnvResource()));
        boolean removed = job.get();
        for (String resource : new LinkedHashSet<>(resources)) {
            Either<UpstreamFailure, Boolean> deleted = cde.deleteResource(vc, resource);
            if (deleted.isLeft()) {
                return Either.left(deleted.getLeft());
            }
            if (deleted.get()) {
                log.info("resources", "Deleted resource " + resource);
                removed = true;
            }
        }
        String where = " virtual cluster " + found.virtualCluster().name() + " of CDE service "
                + found.service().name();
        return Either.right(ProvisionResult.withoutInfo(
                removed
                        ? "CDE job " + target.jobName() + " and its resources removed from" + where
                        : "CDE job " + target.jobName() + " and its resources were already absent from" + where
                                + "; nothing to remove"));
    }

    // ---------------------------------------------------------------- updateacl

    @Override
    public Either<UpstreamFailure, ProvisionResult> updateAcl(CdeSpec spec, List<String> refs, OperationLog log) {
        String message = "The CDE jobs API has no per-job access control, so nothing was changed for job "
                + spec.target().jobName() + "; access to CDE jobs is governed by the virtual cluster's access"
                + " settings in CDP";
        log.info("acl", message);
        return Either.right(ProvisionResult.withoutInfo(message));
    }

    // ---------------------------------------------------------------- reverse provisioning

    @Override
    public Validation<Seq<Problem>, ReverseProvisioningResult> reverse(
            ReverseProvisioningRequest request, OperationLog log) {
        return reverseProvisioning.reverse(request, log);
    }

    // ---------------------------------------------------------------- readiness

    @Override
    public Readiness readiness() {
        try {
            return cdp.listServices()
                    .fold(
                            failure -> Readiness.notReady(failure.describe()),
                            services -> Readiness.ready("CDP API answers (" + services.size() + " CDE services)"));
        } catch (RuntimeException e) {
            return Readiness.notReady("CDP API check failed: " + e.getClass().getSimpleName());
        }
    }
}
