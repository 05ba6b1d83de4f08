package dev.meshprov.core.mwaa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.MwaaSettings.EnvironmentMatch;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reverse provisioning: finds a deployed DAG from the data product prefix and DAG name and returns the component's
 * {@code specific} section as a {@code catalog-info.yaml} update of {@code spec.mesh.specific}.
 *
 * <p>{@code params}: {@code dagName}; {@code prefix} (e.g. {@code finance.cashflow.1}) or {@code domain},
 * {@code dataProduct} and {@code majorVersion}; optionally {@code destinationPath}, {@code sourcePath},
 * {@code bucketName} and {@code scheduleCron}. Each value comes from the environment's configuration first, then
 * {@code params}, then the component's current {@code spec.mesh.specific}.
 */
final class DagImport {

    static final String UPDATE_KEY = "spec.mesh.specific";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MwaaSettings settings;
    private final DagStore store;

    DagImport(MwaaSettings settings, DagStore store) {
        this.settings = settings;
        this.store = store;
    }

    Validation<Seq<Problem>, ReverseProvisioningResult> run(ReverseProvisioningRequest request, OperationLog log) {
        FieldReader params = FieldReader.of(request.params(), "params");
        JsonNode current = request.catalogInfo().path("spec").path("mesh").path("specific");
        FieldReader catalog =
                FieldReader.of(current.isObject() ? current : JSON.createObjectNode(), "catalogInfo." + UPDATE_KEY);
        EnvironmentSettings configured = settings.environmentFor(Optional.of(request.environment()))
                .map(EnvironmentMatch::settings)
                .orElse(EnvironmentSettings.none());
        ProblemList problems = new ProblemList();

        Optional<DataProductPrefix> prefix = prefix(params, problems);
        Optional<String> dagName =
                value(params, catalog, "dagName", Optional.empty(), KeyRules::dagNameProblem, problems);
        Optional<String> destinationPath = value(
                params,
                catalog,
                "destinationPath",
                configured.destinationPath(),
                KeyRules::prefixPathProblem,
                problems);
        Optional<String> sourcePath =
                value(params, catalog, "sourcePath", configured.sourcePath(), KeyRules::prefixPathProblem, problems);
        Optional<String> bucket = bucket(params, catalog, configured, problems);
        Optional<String> schedule =
                value(params, catalog, "scheduleCron", Optional.empty(), CronSchedule::problem, problems);
        requireAll(params, problems, dagName, destinationPath, sourcePath);
        if (!problems.isEmpty()) {
            return problems.toValidation(() -> null);
        }
        DagKeys keys = DagNaming.keys(
                bucket.orElse(""), sourcePath.get(), destinationPath.get(), prefix.orElseThrow(), dagName.get());
        return find(keys, log).map(found -> {
            Map<String, Object> specific = new LinkedHashMap<>(asMap(current));
            specific.put("dagName", dagName.get());
            specific.put("sourcePath", sourcePath.get());
            specific.put("destinationPath", destinationPath.get());
            bucket.filter(b -> !b.isEmpty()).ifPresent(b -> specific.put("bucketName", b));
            schedule.ifPresent(s -> specific.put("scheduleCron", s));
            return new ReverseProvisioningResult(Map.of(UPDATE_KEY, specific));
        });
    }

    private Validation<Seq<Problem>, StoredObject> find(DagKeys keys, OperationLog log) {
        String location = store.location(keys.dag());
        Either<UpstreamFailure, Optional<StoredObject>> deployed = store.head(keys.dag());
        if (deployed.isLeft()) {
            return invalidUpstream(deployed.getLeft(), location);
        }
        if (deployed.get().isPresent()) {
            log.info(
                    "reverse",
                    "Found DAG " + keys.dagId() + " at " + location + " ("
                            + deployed.get().get().describe() + ")");
            return Validation.valid(deployed.get().get());
        }
        String legacyLocation = store.location(keys.legacyDag());
        Either<UpstreamFailure, Optional<StoredObject>> legacy = store.head(keys.legacyDag());
        if (legacy.isLeft()) {
            return invalidUpstream(legacy.getLeft(), legacyLocation);
        }
        if (legacy.get().isPresent()) {
            log.warning(
                    "reverse",
                    "Found the DAG only under its pre-2025 dotted name " + legacyLocation + "; the next provisioning"
                            + " deploys it as " + location + " and deletes the dotted file");
            return Validation.valid(legacy.get().get());
        }
        return Validation.invalid(
                io.vavr.collection.List.of(
                        Problem.of(
                                "params.dagName",
                                "names the DAG " + keys.dagId() + ", but neither " + location + " nor " + legacyLocation
                                        + " exists",
                                "Check the data product prefix, dagName and the environment; the DAG must be deployed to be imported.")));
    }

    private static Validation<Seq<Problem>, StoredObject> invalidUpstream(UpstreamFailure failure, String location) {
        return Validation.invalid(io.vavr.collection.List.of(
                Problem.upstream("params.dagName", failure, StoreAdvice.forFailure(failure, location))));
    }

    private static Optional<DataProductPrefix> prefix(FieldReader params, ProblemList problems) {
        String fix = "Give params.prefix (e.g. finance.cashflow.1) or params.domain, params.dataProduct and"
                + " params.majorVersion.";
        Optional<String> dotted = problems.take(params.optionalText("prefix", fix), Optional.empty());
        if (dotted.isPresent()) {
            Optional<DataProductPrefix> prefix = DataProductPrefix.fromDotted(dotted.get());
            if (prefix.isEmpty()) {
                problems.add(params.problem(
                        "prefix",
                        "is '" + dotted.get() + "', which is not <domain>.<dataProduct>.<majorVersion>",
                        fix));
            }
            return prefix;
        }
        Optional<String> domain = problems.take(params.optionalText("domain", fix), Optional.empty());
        Optional<String> dataProduct = problems.take(params.optionalText("dataProduct", fix), Optional.empty());
        Optional<String> major = problems.take(params.optionalText("majorVersion", fix), Optional.empty());
        if (domain.isEmpty() || dataProduct.isEmpty() || major.isEmpty()) {
            problems.add(params.problem("prefix", "is required but missing", fix));
            return Optional.empty();
        }
        Optional<DataProductPrefix> prefix = DataProductPrefix.of(domain.get(), dataProduct.get(), major.get());
        if (prefix.isEmpty()) {
            problems.add(
                    params.problem("domain", "and dataProduct and majorVersion must not contain '/' or '\\'", fix));
        }
        return prefix;
    }

    private Optional<String> bucket(
            FieldReader params, FieldReader catalog, EnvironmentSettings configured, ProblemList problems) {
        if (!store.distinguishesBuckets()) {
            return Optional.empty();
        }
        Optional<String> bucket =
                value(params, catalog, "bucketName", configured.bucket(), KeyRules::bucketProblem, problems);
        if (bucket.isEmpty()) {
            problems.add(params.problem(
                    "bucketName",
                    "is required but missing",
                    "Give params.bucketName, the Airflow environment's bucket."));
        } else if (configured.bucket().isEmpty() && !settings.allows(bucket.get())) {
            problems.add(params.problem(
                    "bucketName",
                    "is '" + bucket.get() + "', a bucket the configuration does not allow",
                    "Use one of the buckets in mwaa.allowedBuckets or mwaa.environments."));
        }
        return bucket;
    }

    /** The configured value, else the one in params, else the one in the catalog; checked unless configured. */
    private static Optional<String> value(
            FieldReader params,
            FieldReader catalog,
            String field,
            Optional<String> configured,
            Function<String, Optional<String>> rule,
            ProblemList problems) {
        if (configured.isPresent()) {
            return configured;
        }
        String fix = "Give params." + field + " or set it in the component's " + UPDATE_KEY + ".";
        FieldReader source = params.has(field) ? params : catalog;
        Optional<String> value = problems.take(source.optionalText(field, fix), Optional.empty());
        Optional<String> reason = value.flatMap(rule);
        if (reason.isPresent()) {
            problems.add(source.problem(field, reason.get(), fix));
            return Optional.empty();
        }
        return value;
    }

    private static void requireAll(
            FieldReader params,
            ProblemList problems,
            Optional<String> dagName,
            Optional<String> destinationPath,
            Optional<String> sourcePath) {
        Map<String, Optional<String>> required = new LinkedHashMap<>();
        required.put("dagName", dagName);
        required.put("destinationPath", destinationPath);
        required.put("sourcePath", sourcePath);
        required.forEach((field, value) -> {
            if (value.isEmpty()
                    && problems.asList().stream().noneMatch(p -> p.field().endsWith("." + field))) {
                problems.add(params.problem(
                        field,
                        "is required but missing",
                        "Give params." + field + " or set it in the component's " + UPDATE_KEY + "."));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(JsonNode node) {
        return node.isObject() ? JSON.convertValue(node, Map.class) : Map.of();
    }
}
