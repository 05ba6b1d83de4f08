package dev.meshprov.core.cde;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.Map;
import java.util.Optional;

/**
 * Reverse provisioning: reads the {@code params} (service, virtual cluster, job name, optional artifact prefix),
 * finds the job and its Python environment in CDE, and answers the {@code specific} section that
 * {@link ReverseImport} builds from them. Every failure, upstream ones included, is a problem on the parameter it
 * concerns.
 */
final class ReverseProvisioning {

    private final Discovery discovery;
    private final CdeGateway cde;

    ReverseProvisioning(Discovery discovery, CdeGateway cde) {
        this.discovery = discovery;
        this.cde = cde;
    }

    Validation<Seq<Problem>, ReverseProvisioningResult> reverse(ReverseProvisioningRequest request, OperationLog log) {
        FieldReader params = FieldReader.of(request.params(), "params");
        ProblemList problems = new ProblemList();
        String service = problems.take(
                params.requiredText("cdeService", "Set params.cdeService to the name of the CDE service."), null);
        String vcName = problems.take(
                params.requiredText("cdeCluster", "Set params.cdeCluster to the name of the virtual cluster."), null);
        String jobName = problems.take(
                params.requiredText("jobName", "Set params.jobName to the name of the job to import."), null);
        Optional<String> prefix = problems.take(
                params.optionalText("artifactPrefix", "Set params.artifactPrefix to an S3 prefix, or remove it."),
                Optional.empty());
        if (!problems.isEmpty()) {
            return problems.toValidation(() -> null);
        }
        Either<UpstreamFailure, Either<Unusable, Discovered>> outcome = discovery.discover(service, vcName);
        if (outcome.isLeft()) {
            return Validations.invalid(
                    Problem.upstream(params.path("cdeService"), outcome.getLeft(), Discovery.CDP_FIX));
        }
        if (outcome.get().isLeft()) {
            Unusable unusable = outcome.get().getLeft();
            String field = unusable.part() == Unusable.Part.SERVICE ? "cdeService" : "cdeCluster";
            return Validations.invalid(params.problem(field, unusable.reason(), unusable.solution()));
        }
        VcEndpoint vc = outcome.get().get().endpoint();
        String jobFix = "Check params.jobName, then retry.";
        Either<UpstreamFailure, Optional<CdeJob>> job = cde.getJob(vc, jobName);
        if (job.isLeft()) {
            return Validations.invalid(Problem.upstream(params.path("jobName"), job.getLeft(), jobFix));
        }
        if (job.get().isEmpty()) {
            return Validations.invalid(params.problem(
                    "jobName",
                    "CDE job not found: virtual cluster '" + vcName + "' has no job named '" + jobName + "'",
                    "Set params.jobName to the name of an existing job."));
        }
        Optional<String> envName = job.get().get().spark().pythonEnvResourceName();
        Optional<CdeResource> env = Optional.empty();
        if (envName.isPresent()) {
            Either<UpstreamFailure, Optional<CdeResource>> resource = cde.getResource(vc, envName.get());
            if (resource.isLeft()) {
                return Validations.invalid(Problem.upstream(params.path("jobName"), resource.getLeft(), jobFix));
            }
            env = resource.get();
        }
        ReverseImport importer = new ReverseImport(
                request.catalogInfo().path("spec").path("mesh").path("specific"), prefix, log);
        Map<String, Object> specific =
                importer.specific(service, vcName, job.get().get(), env);
        log.info(
                "reverse",
                "Imported job " + jobName + " from virtual cluster " + vcName + " of CDE service " + service);
        return Validations.valid(new ReverseProvisioningResult(Map.of("spec.mesh.specific", specific)));
    }
}
