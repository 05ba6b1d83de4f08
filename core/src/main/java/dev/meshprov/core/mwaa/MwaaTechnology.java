package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.DagChanges.Change;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.validation.Validations;
import io.vavr.Lazy;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Airflow on Amazon MWAA (or self-managed Airflow): one workload component is one DAG file, copied from the
 * staging key the component's CI uploads to into the environment's DAG folder, next to a descriptor file of its data
 * product. Works through a {@link DagStore}: an S3 bucket or a plain folder. (Over 300 lines: the port's operations
 * on one store, each a short sequence of store calls that reads best next to the others.)
 */
public final class MwaaTechnology implements Technology<MwaaSpec> {

    private final MwaaSettings settings;
    private final DagStore store;
    private final Clock clock;
    private final Redactor redactor;
    private final DagResolver resolver;

    public MwaaTechnology(MwaaSettings settings, DagStore store, Clock clock, Redactor redactor) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.resolver = new DagResolver(settings, store.distinguishesBuckets());
    }

    // ---------------------------------------------------------------- validate

    @Override
    public Validation<Seq<Problem>, MwaaSpec> validate(ComponentRequest request, Operation operation) {
        Component component = request.component();
        Optional<String> environment = request.dataProduct().environment();
        Validation<Seq<Problem>, ResolvedDag> resolved = resolver.resolve(component, environment, operation);
        if (resolved.isInvalid()) {
            return Validations.invalid(resolved.getError());
        }
        ResolvedDag dag = resolved.get();
        if (operation != Operation.UPDATE_ACL) {
            List<Problem> collisions =
                    DagCollisions.find(dag, component, request.dataProduct(), sibling -> resolver.resolve(
                                    sibling, environment, Operation.UNPROVISION)
                            .toJavaOptional());
            if (!collisions.isEmpty()) {
                return Validations.invalid(io.vavr.collection.List.ofAll(collisions));
            }
        }
        if (operation == Operation.VALIDATE || operation == Operation.PROVISION) {
            Optional<Problem> staging = checkStaging(dag, component);
            if (staging.isPresent()) {
                return Validations.invalid(staging.get());
            }
        }
        Lazy<DescriptorFile> descriptor = Lazy.of(
                () -> DescriptorFile.render(dag.prefix(), request.dataProduct().node(), redactor));
        return Validations.valid(new MwaaSpec(
                dag, descriptor, request.removeData(), operation, request.previousPrivateValue(DagInfo.DEPLOYED_AT)));
    }

    /** Only whether the staging file exists: validation never reads or hashes it (provision does, when it copies). */
    private Optional<Problem> checkStaging(ResolvedDag dag, Component component) {
        ObjectRef staging = dag.keys().staging();
        String location = store.location(staging);
        String field = component.fieldPath("specific.dagName");
        return store.exists(staging)
                .fold(
                        failure -> Optional.of(
                                Problem.upstream(field, failure, StoreAdvice.forFailure(failure, location))),
                        found -> found
                                ? Optional.empty()
                                : Optional.of(Problem.of(
                                        field,
                                        "is '" + dag.dagName() + "', but its staging file " + location
                                                + " does not exist"
                                                + dag.staging()
                                                        .map(s -> " " + s.origin())
                                                        .orElse(""),
                                        dag.staging()
                                                .map(s -> s.fix(location))
                                                .orElse("Upload the DAG to " + location + " first."))));
    }

    // ---------------------------------------------------------------- plan and provision

    @Override
    public Either<UpstreamFailure, Plan> plan(MwaaSpec spec) {
        return observe(spec).map(observed -> {
            DagChanges changes = reconcile(spec, observed);
            DagKeys keys = spec.keys();
            List<PlannedChange> planned = new ArrayList<>();
            planned.add(planned("descriptor", keys.descriptor(), changes.descriptor()));
            planned.add(planned("dag", keys.dag(), changes.dag()));
            changes.legacyDag().ifPresent(change -> planned.add(planned("legacy-dag", keys.legacyDag(), change)));
            return new Plan(planned);
        });
    }

    private PlannedChange planned(String entity, ObjectRef ref, Change change) {
        return new PlannedChange(entity, store.location(ref), change.kind(), change.detail());
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> provision(MwaaSpec spec, OperationLog log) {
        spec.dag().overrides().forEach(note -> log.info("config", note));
        Either<UpstreamFailure, ObservedDag> observed = observe(spec);
        if (observed.isLeft()) {
            return Either.left(observed.getLeft());
        }
        ObservedDag state = observed.get();
        DagKeys keys = spec.keys();
        log.info(
                "staging",
                "Staging file " + store.location(keys.staging()) + " has "
                        + state.staging().describe());
        DagChanges changes = reconcile(spec, state);

        if (changes.descriptor().changes()) {
            Either<UpstreamFailure, StoredObject> written =
                    store.put(keys.descriptor(), spec.descriptorFile().bytes(), DescriptorFile.CONTENT_TYPE);
            if (written.isLeft()) {
                return Either.left(written.getLeft());
            }
            log.info(
                    "descriptor",
                    verb(changes.descriptor()) + " data product descriptor file " + store.location(keys.descriptor()));
        } else {
            log.info(
                    "descriptor",
                    "Data product descriptor file " + store.location(keys.descriptor()) + " is unchanged");
        }

        StoredObject deployed;
        Optional<String> deployedAt = spec.previousDeployedAt();
        if (changes.dag().changes()) {
            Either<UpstreamFailure, StoredObject> copied = store.copy(keys.staging(), state.staging(), keys.dag());
            if (copied.isLeft()) {
                return Either.left(copied.getLeft());
            }
            deployed = copied.get();
            deployedAt = Optional.of(clock.instant().toString());
            log.info(
                    "copy",
                    verb(changes.dag()) + " DAG file " + store.location(keys.dag()) + " from the staging file ("
                            + state.staging().describe() + ")");
        } else {
            deployed = state.dag().orElseThrow();
            log.info(
                    "copy",
                    "DAG file " + store.location(keys.dag()) + " is unchanged: "
                            + changes.dag().detail());
        }

        Optional<UpstreamFailure> legacy = handleLegacy(spec, changes, log);
        if (legacy.isPresent()) {
            return Either.left(legacy.get());
        }
        String message = "DAG " + keys.dagId() + " deployed to " + store.location(keys.dag());
        log.info("done", message + "; Airflow picks it up at its next DAG folder scan (about 30 s on MWAA)");
        return Either.right(
                ProvisionResult.of(message, DagInfo.of(spec, store, state.staging(), deployed, deployedAt)));
    }

    private Optional<UpstreamFailure> handleLegacy(MwaaSpec spec, DagChanges changes, OperationLog log) {
        if (changes.legacyDag().isEmpty()) {
            return Optional.empty();
        }
        ObjectRef legacy = spec.keys().legacyDag();
        Change change = changes.legacyDag().get();
        if (!change.changes()) {
            log.warning("legacy", "Kept " + store.location(legacy) + ": " + change.detail());
            return Optional.empty();
        }
        Either<UpstreamFailure, ObjectRef> deleted = store.delete(legacy);
        if (deleted.isLeft()) {
            return Optional.of(deleted.getLeft());
        }
        log.info(
                "legacy",
                "Deleted " + store.location(legacy) + ", the pre-2025 dotted name of this DAG, so that"
                        + " Airflow runs only " + spec.keys().dagId());
        return Optional.empty();
    }

    private static String verb(Change change) {
        return switch (change.kind()) {
            case CREATE -> "Created";
            case DELETE -> "Deleted";
            default -> "Updated";
        };
    }

    private DagChanges reconcile(MwaaSpec spec, ObservedDag observed) {
        return DagReconciler.reconcile(observed, spec.descriptorFile().hash(), settings.legacyCleanup());
    }

    private Either<UpstreamFailure, ObservedDag> observe(MwaaSpec spec) {
        DagKeys keys = spec.keys();
        ObjectRef staging = keys.staging();
        return store.head(staging)
                .flatMap(found -> found.<Either<UpstreamFailure, StoredObject>>map(Either::right)
                        .orElseGet(() -> Either.left(new UpstreamFailure.NotFound(
                                store.system(),
                                "read staging file " + store.location(staging),
                                "the staging file does not exist; upload the DAG there first"))))
                .flatMap(stagingObject -> store.head(keys.dag())
                        .flatMap(dag -> store.head(keys.descriptor()).flatMap(descriptor -> store.head(keys.legacyDag())
                                .map(legacy -> new ObservedDag(stagingObject, dag, descriptor, legacy)))));
    }

    // ---------------------------------------------------------------- unprovision

    @Override
    public Either<UpstreamFailure, ProvisionResult> unprovision(MwaaSpec spec, OperationLog log) {
        spec.dag().overrides().forEach(note -> log.info("config", note));
        DagKeys keys = spec.keys();
        if (spec.removeData()) {
            log.info("data", "removeData is set, but a DAG holds no data: only its files are removed");
        }
        Either<UpstreamFailure, Boolean> dag = deleteIfPresent(keys.dag(), "DAG file", log);
        if (dag.isLeft()) {
            return Either.left(dag.getLeft());
        }
        Either<UpstreamFailure, Boolean> legacy = deleteIfPresent(keys.legacyDag(), "pre-2025 dotted DAG file", log);
        if (legacy.isLeft()) {
            return Either.left(legacy.getLeft());
        }
        Optional<UpstreamFailure> failure = deleteDescriptorIfLast(spec, log);
        if (failure.isPresent()) {
            return Either.left(failure.get());
        }
        log.info(
                "airflow",
                "Airflow keeps the run history of DAG " + keys.dagId() + " until the DAG is deleted in Airflow"
                        + spec.dag()
                                .airflowDagUrl()
                                .map(url -> " (" + url + ")")
                                .orElse(""));
        boolean removed = dag.get() || legacy.get();
        return Either.right(ProvisionResult.withoutInfo(
                removed
                        ? "DAG " + keys.dagId() + " removed from " + store.location(keys.dag())
                        : "DAG " + keys.dagId() + " was already absent from " + store.location(keys.dag())
                                + "; nothing to remove"));
    }

    /** Deletes {@code ref} when it exists; whether it did. */
    private Either<UpstreamFailure, Boolean> deleteIfPresent(ObjectRef ref, String what, OperationLog log) {
        Either<UpstreamFailure, Optional<StoredObject>> found = store.head(ref);
        if (found.isLeft()) {
            return Either.left(found.getLeft());
        }
        if (found.get().isEmpty()) {
            log.info("delete", capitalised(what) + " " + store.location(ref) + " is already absent");
            return Either.right(false);
        }
        Either<UpstreamFailure, ObjectRef> deleted = store.delete(ref);
        if (deleted.isLeft()) {
            return Either.left(deleted.getLeft());
        }
        log.info("delete", "Deleted " + what + " " + store.location(ref));
        return Either.right(true);
    }

    private Optional<UpstreamFailure> deleteDescriptorIfLast(MwaaSpec spec, OperationLog log) {
        DagKeys keys = spec.keys();
        DataProductPrefix prefix = spec.dag().prefix();
        String folder = keys.dagFolder();
        Either<UpstreamFailure, List<String>> sanitised =
                store.list(keys.bucket(), DagNaming.dagKeyPrefix(folder, prefix));
        if (sanitised.isLeft()) {
            return Optional.of(sanitised.getLeft());
        }
        Either<UpstreamFailure, List<String>> dotted =
                store.list(keys.bucket(), DagNaming.legacyDagKeyPrefix(folder, prefix));
        if (dotted.isLeft()) {
            return Optional.of(dotted.getLeft());
        }
        Set<String> removed = Set.of(keys.dagKey(), keys.legacyDagKey());
        List<String> remaining = java.util.stream.Stream.concat(sanitised.get().stream(), dotted.get().stream())
                .filter(key -> !removed.contains(key))
                .filter(key -> key.endsWith(".py") && key.indexOf('/', folder.length()) < 0)
                .distinct()
                .sorted()
                .toList();
        if (!remaining.isEmpty()) {
            log.info(
                    "descriptor",
                    "Kept data product descriptor file " + store.location(keys.descriptor()) + ": "
                            + remaining.size() + " other DAG file(s) of " + prefix.dotted() + " remain ("
                            + remaining.stream().limit(5).collect(Collectors.joining(", "))
                            + (remaining.size() > 5 ? ", ..." : "") + ")");
            return Optional.empty();
        }
        return deleteIfPresent(keys.descriptor(), "data product descriptor file", log)
                .swap()
                .toJavaOptional();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---------------------------------------------------------------- updateacl, reverse, readiness

    @Override
    public Either<UpstreamFailure, ProvisionResult> updateAcl(MwaaSpec spec, List<String> refs, OperationLog log) {
        String dagId = spec.keys().dagId();
        log.info(
                "acl",
                "A DAG file carries no access control that meshprov manages: who may see and trigger DAG " + dagId
                        + " is decided by the Airflow environment's own roles (on MWAA, its IAM policies and Airflow"
                        + " RBAC). Nothing was changed for the " + refs.size() + " requested principal(s).");
        return Either.right(ProvisionResult.withoutInfo(
                "Nothing to change: access to DAG " + dagId + " is managed by the Airflow environment"));
    }

    @Override
    public Validation<Seq<Problem>, ReverseProvisioningResult> reverse(
            ReverseProvisioningRequest request, OperationLog log) {
        return new DagImport(settings, store).run(request, log);
    }

    @Override
    public String summary() {
        return "DAGs in " + store.describe();
    }

    @Override
    public Readiness readiness() {
        return store.readiness(store.distinguishesBuckets() ? settings.knownBuckets() : Set.of());
    }
}
