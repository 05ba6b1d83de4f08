package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.mwaa.MwaaSettings.EnvironmentMatch;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a component's {@code specific} section, applies the configuration of its environment and checks every
 * static rule: the component id, {@code dagName}, the paths, the bucket allow-list, the schedule and the keys that
 * result. Provisioning needs everything; unprovisioning and updateacl only what identifies the deployed DAG (no
 * {@code sourcePath}, no schedule).
 */
final class DagResolver {

    private static final String DAG_NAME_FIX = "Set dagName to the DAG file's plain name, e.g. my_dag.py.";
    private static final String SOURCE_FIX =
            "Set sourcePath to the relative staging prefix the CI uploads to, e.g. source/.";
    private static final String DESTINATION_FIX =
            "Set destinationPath to the environment's relative DAG folder, e.g. dags/.";
    private static final String BUCKET_FIX = "Set bucketName to the S3 bucket of the Airflow environment.";

    private final MwaaSettings settings;
    private final boolean bucketsMatter;

    DagResolver(MwaaSettings settings, boolean bucketsMatter) {
        this.settings = settings;
        this.bucketsMatter = bucketsMatter;
    }

    Validation<Seq<Problem>, ResolvedDag> resolve(
            Component component, Optional<String> environment, Operation operation) {
        Optional<EnvironmentMatch> env = settings.environmentFor(environment);
        EnvironmentSettings configured = env.map(EnvironmentMatch::settings).orElse(EnvironmentSettings.none());
        FieldReader specific = FieldReader.of(component.specific(), component.fieldPath("specific"));
        ProblemList problems = new ProblemList();
        List<String> notes = new ArrayList<>();
        boolean forProvisioning = operation == Operation.VALIDATE || operation == Operation.PROVISION;

        Optional<DataProductPrefix> prefix = DataProductPrefix.fromComponentId(component.id());
        if (prefix.isEmpty()) {
            problems.add(Problem.of(
                    component.fieldPath("id"),
                    "is '" + component.id() + "', which does not name a domain, data product and major version in"
                            + " its segments 4 to 6",
                    "Use a component id of the form urn:dmb:cmp:<domain>:<dataProduct>:<majorVersion>:<name>."));
        }
        String dagName = problems.take(specific.requiredText("dagName", DAG_NAME_FIX), null);
        if (dagName != null) {
            KeyRules.dagNameProblem(dagName)
                    .ifPresent(reason -> problems.add(specific.problem("dagName", reason, DAG_NAME_FIX)));
        }
        Source source = new Source(specific, env, problems, notes);
        String sourcePath = forProvisioning
                ? source.value("sourcePath", configured.sourcePath(), KeyRules::prefixPathProblem, SOURCE_FIX)
                : null;
        String destinationPath = source.value(
                "destinationPath", configured.destinationPath(), KeyRules::prefixPathProblem, DESTINATION_FIX);
        String bucket = bucket(specific, configured, source, problems);
        Optional<String> schedule = forProvisioning ? schedule(specific, problems) : Optional.empty();

        if (!problems.isEmpty()) {
            return problems.toValidation(() -> null);
        }
        DagKeys keys = DagNaming.keys(bucket, sourcePath, destinationPath, prefix.orElseThrow(), dagName);
        checkKeys(keys, specific, configured, problems);
        if (sourcePath != null) {
            KeyRules.stagingInsideDagFolder(sourcePath, destinationPath)
                    .ifPresent(reason -> problems.add(
                            configured.sourcePath().isPresent()
                                    ? specific.problem(
                                            "destinationPath",
                                            "is '" + destinationPath + "', a folder that holds the staging prefix '"
                                                    + sourcePath + "' configured in "
                                                    + env.orElseThrow().key("sourcePath")
                                                    + ": Airflow would load every staged file as a second DAG",
                                            DESTINATION_FIX)
                                    : specific.problem(
                                            "sourcePath",
                                            reason,
                                            "Stage DAGs outside the DAG folder, e.g. sourcePath source/ with"
                                                    + " destinationPath dags/.")));
        }
        Optional<StagingPrefix> staging = Optional.ofNullable(sourcePath)
                .map(used -> configured.sourcePath().isPresent()
                        ? new StagingPrefix(
                                used,
                                Optional.of(env.orElseThrow().key("sourcePath")),
                                env.orElseThrow().builtIn(),
                                Descriptors.text(specific.node(), "sourcePath"))
                        : StagingPrefix.fromDescriptor(used));
        return problems.toValidation(() -> new ResolvedDag(
                component.id(),
                prefix.orElseThrow(),
                dagName,
                keys,
                schedule,
                configured.airflowUiUrl(),
                notes,
                staging));
    }

    private String bucket(FieldReader specific, EnvironmentSettings configured, Source source, ProblemList problems) {
        if (!bucketsMatter) {
            return "";
        }
        String bucket = source.value("bucketName", configured.bucket(), KeyRules::bucketProblem, BUCKET_FIX);
        if (bucket != null && configured.bucket().isEmpty() && !settings.allows(bucket)) {
            String allowed = String.join(", ", settings.knownBuckets());
            problems.add(specific.problem(
                    "bucketName",
                    "is '" + bucket + "', a bucket the configuration does not allow"
                            + (allowed.isEmpty() ? " (it allows none)" : " (allowed: " + allowed + ")"),
                    "Use one of the allowed buckets, or have the platform team add it to mwaa.allowedBuckets"
                            + " (or set mwaa.environments.<environment>.bucket)."));
        }
        return bucket;
    }

    private static Optional<String> schedule(FieldReader specific, ProblemList problems) {
        String fix = "Write a five-field cron expression such as \"5 5 * * *\" or an Airflow preset such as @daily,"
                + " or leave scheduleCron out.";
        Optional<String> schedule = problems.take(specific.optionalText("scheduleCron", fix), Optional.empty());
        schedule.flatMap(CronSchedule::problem)
                .ifPresent(reason -> problems.add(specific.problem("scheduleCron", reason, fix)));
        return schedule;
    }

    private static void checkKeys(
            DagKeys keys, FieldReader specific, EnvironmentSettings configured, ProblemList problems) {
        String field = configured.destinationPath().isPresent() ? "dagName" : "destinationPath";
        for (String key : List.of(keys.dagKey(), keys.descriptorKey(), keys.legacyDagKey())) {
            Optional<String> reason = KeyRules.reservedKeyProblem(key);
            if (reason.isPresent()) {
                problems.add(specific.problem(
                        field,
                        reason.get(),
                        "Point destinationPath at the DAG folder itself, e.g. dags/, not at the environment's"
                                + " requirements.txt, plugins.zip or .airflowignore."));
                return;
            }
        }
    }

    /** Takes a value from the configuration when it has one, else from the descriptor, checking the latter. */
    private static final class Source {
        private final FieldReader specific;
        private final Optional<EnvironmentMatch> env;
        private final ProblemList problems;
        private final List<String> notes;

        Source(FieldReader specific, Optional<EnvironmentMatch> env, ProblemList problems, List<String> notes) {
            this.specific = specific;
            this.env = env;
            this.problems = problems;
            this.notes = notes;
        }

        String value(String field, Optional<String> configured, Function<String, Optional<String>> rule, String fix) {
            if (configured.isPresent()) {
                Optional<String> written = Descriptors.text(specific.node(), field);
                if (!written.equals(configured)) {
                    notes.add(field + ": using '" + configured.get() + "' from "
                            + env.orElseThrow().key(field.equals("bucketName") ? "bucket" : field)
                            + written.map(w -> " instead of the descriptor's '" + w + "'")
                                    .orElse(" (the descriptor has none)"));
                }
                return configured.get();
            }
            String value = problems.take(specific.requiredText(field, fix), null);
            if (value != null) {
                Optional<String> reason = rule.apply(value);
                if (reason.isPresent()) {
                    problems.add(specific.problem(field, reason.get(), fix));
                    return null;
                }
            }
            return value;
        }
    }
}
