package dev.meshprov.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.DescriptorParser;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.descriptor.YamlLimits;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.model.UpdateAclRequest;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.model.UpstreamOutage;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.model.ValidationStatus;
import dev.meshprov.core.port.ComponentLock;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.TaskListener;
import dev.meshprov.core.port.TaskStore;
import dev.meshprov.core.port.TaskStoreFullException;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.task.InMemoryComponentLock;
import dev.meshprov.core.task.InMemoryTaskStore;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The use cases of meshprov behind one facade, used by the HTTP API, the CLI and embedding code alike.
 *
 * <p>Every request is parsed, routed to its technology and validated first; invalid requests are
 * {@link Submission.Rejected rejected} with every problem. Mutating operations (provision, unprovision, updateacl)
 * on one component then run one after the other in order of arrival, under the {@link ComponentLock}; different
 * components run in parallel on a bounded pool. In sync mode the call returns when the operation is done; in async
 * mode it returns a token whose status is kept in the {@link TaskStore}.
 */
public final class Provisioner implements AutoCloseable {

    private static final Logger LOG = System.getLogger("dev.meshprov.provisioner");

    private final Clock clock;
    private final Redactor redactor;
    private final SafeYaml yaml;
    private final DescriptorParser parser;
    private final TechnologyRegistry registry;
    private final TaskStore tasks;
    private final ComponentLock locks;
    private final KeyedSerialExecutor executor;
    private final String instanceId;
    private final TaskListener listener;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private Provisioner(Builder builder) {
        this.clock = builder.clock;
        this.redactor = builder.redactor;
        this.yaml = SafeYaml.cached(builder.yamlLimits);
        this.parser = new DescriptorParser(yaml);
        this.registry = new TechnologyRegistry(builder.registrations, builder.routing);
        this.tasks = builder.taskStore != null
                ? builder.taskStore
                : new InMemoryTaskStore(clock, 10_000, Duration.ofHours(24));
        this.locks = builder.componentLock != null ? builder.componentLock : new InMemoryComponentLock();
        this.executor = new KeyedSerialExecutor(builder.workers, "meshprov-task");
        this.instanceId = builder.instanceId;
        this.listener = builder.taskListener;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- validate

    /**
     * Validates a request: every problem of the request, the descriptor and the technology's rules; or, when the
     * input showed none but an online check could not be made because an upstream failed, "could not check".
     */
    public ValidationResult validate(Target target, ProvisioningRequest request, CallOptions options) {
        return ValidationResult.of(validationProblems(target, request, options).asJava());
    }

    /**
     * Starts validating a request in the background; poll with {@link #validationStatus}. A validation whose checks
     * could not be made ends {@code FAILED}, with its result.
     */
    public Submission<ValidationResult> validateAsync(Target target, ProvisioningRequest request) {
        Task task = Task.waiting(
                newToken(), TaskKind.VALIDATE, target.technology().orElse(""), "", clock.instant(), instanceId);
        return startUnordered(task, () -> {
            List<Problem> found =
                    validationProblems(target, request, CallOptions.defaults()).asJava();
            Task validated = task.validated(clock.instant(), found, List.of());
            ValidationResult result = ValidationResult.of(found);
            return result.couldNotCheck()
                    ? validated.failed(
                            clock.instant(), redactor.redact(UpstreamOutage.describeAll(result.outages())), List.of())
                    : validated;
        });
    }

    /**
     * The status of an asynchronous validation; empty for an unknown token. The result is there once completed, and
     * when it failed because checks could not be made.
     */
    public Optional<ValidationStatus> validationStatus(String token) {
        return tasks.find(token)
                .filter(task -> task.kind() == TaskKind.VALIDATE)
                .map(task -> new ValidationStatus(
                        task.state().toOperationState(),
                        task.state() == TaskState.COMPLETED
                                        || task.state() == TaskState.FAILED
                                                && !task.problems().isEmpty()
                                ? Optional.of(ValidationResult.of(task.problems()))
                                : Optional.empty()));
    }

    private Seq<Problem> validationProblems(Target target, ProvisioningRequest request, CallOptions options) {
        return Validations.problems(resolve(target, request, options, Operation.VALIDATE));
    }

    // ---------------------------------------------------------------- provision, unprovision, updateacl

    public Submission<ProvisioningStatus> provision(Target target, ProvisioningRequest request, CallOptions options) {
        return mutate(TaskKind.PROVISION, resolve(target, request, options, Operation.PROVISION), options, List.of());
    }

    public Submission<ProvisioningStatus> unprovision(Target target, ProvisioningRequest request, CallOptions options) {
        return mutate(
                TaskKind.UNPROVISION, resolve(target, request, options, Operation.UNPROVISION), options, List.of());
    }

    /** Grants access to exactly {@code request.refs()} on the component of {@code provisionInfo.request}. */
    public Submission<ProvisioningStatus> updateAcl(Target target, UpdateAclRequest request, CallOptions options) {
        Validation<Seq<Problem>, Resolved<?>> resolved =
                aclComponent(request).flatMap(component -> resolve(target, component, Operation.UPDATE_ACL));
        return mutate(TaskKind.UPDATE_ACL, resolved, options, request.refs());
    }

    /** The status of a provision, unprovision or updateacl task; empty for an unknown token. */
    public Optional<ProvisioningStatus> status(String token) {
        return tasks.find(token)
                .filter(task -> task.kind().isProvisioningStatusKind())
                .map(Provisioner::toProvisioningStatus);
    }

    /** What provisioning would do, without changing anything. */
    public Submission<Plan> plan(Target target, ProvisioningRequest request, CallOptions options) {
        Validation<Seq<Problem>, Resolved<?>> resolved = resolve(target, request, options, Operation.PROVISION);
        if (resolved.isInvalid()) {
            return refuse(resolved.getError());
        }
        return planWith(resolved.get()).fold(this::planFailure, Submission.Done::new);
    }

    // ---------------------------------------------------------------- reverse provisioning

    /** Imports an existing upstream entity as catalog-info updates. */
    public Submission<ReverseProvisioningStatus> reverse(
            Target target, ReverseProvisioningRequest request, CallOptions options) {
        Validation<Seq<Problem>, Registration> selected =
                registry.selectForUseCase(target, request.useCaseTemplateId());
        if (selected.isInvalid()) {
            return refuse(selected.getError());
        }
        Registration registration = selected.get();
        Technology<?> technology = registration.technology().orElseThrow();
        ExecutionMode mode = options.mode().orElse(registration.mode());
        String context = "reverse " + request.useCaseTemplateId() + " (" + registration.name() + ")";
        if (mode == ExecutionMode.SYNC) {
            RecordingOperationLog log = new RecordingOperationLog(clock, redactor, context, entries -> {});
            Validation<Seq<Problem>, ReverseProvisioningResult> result = technology.reverse(request, log);
            if (result.isValid()) {
                return new Submission.Done<>(new ReverseProvisioningStatus(
                        OperationState.COMPLETED, result.get().updates(), log.entries()));
            }
            if (result.getError().exists(problem -> !problem.isUpstream())) {
                return new Submission.Rejected<>(result.getError().asJava());
            }
            result.getError().forEach(problem -> log.error("reverse", problem.describe()));
            return new Submission.Done<>(new ReverseProvisioningStatus(OperationState.FAILED, Map.of(), log.entries()));
        }
        Task task = Task.waiting(newToken(), TaskKind.REVERSE, registration.name(), "", clock.instant(), instanceId);
        return startUnordered(task, () -> {
            RecordingOperationLog log =
                    new RecordingOperationLog(clock, redactor, context + " task " + task.token(), entries -> {});
            Validation<Seq<Problem>, ReverseProvisioningResult> result = technology.reverse(request, log);
            if (result.isValid()) {
                return task.reversed(clock.instant(), result.get().updates(), log.entries());
            }
            result.getError().forEach(problem -> log.error("reverse", problem.describeWithFix()));
            return task.failed(clock.instant(), describe(result.getError()), log.entries());
        });
    }

    /** The status of a reverse provisioning task; empty for an unknown token. */
    public Optional<ReverseProvisioningStatus> reverseStatus(String token) {
        return tasks.find(token)
                .filter(task -> task.kind() == TaskKind.REVERSE)
                .map(task ->
                        new ReverseProvisioningStatus(task.state().toOperationState(), task.updates(), task.logs()));
    }

    // ---------------------------------------------------------------- operations

    /** The technologies of this process, enabled or not. */
    public List<Registration> technologies() {
        return registry.all();
    }

    /** The readiness of each enabled technology, by name. Never throws. */
    public Map<String, Readiness> readiness() {
        Map<String, Readiness> result = new LinkedHashMap<>();
        for (Registration registration : registry.all()) {
            registration.technology().ifPresent(technology -> result.put(registration.name(), readiness(technology)));
        }
        return result;
    }

    /** The readiness of one technology, by name, when it is enabled; asks no other. Never throws. */
    public Map<String, Readiness> readiness(String technology) {
        Map<String, Readiness> result = new LinkedHashMap<>();
        registry.byName(technology)
                .flatMap(Registration::technology)
                .ifPresent(found -> result.put(technology, readiness(found)));
        return result;
    }

    /**
     * Stops taking work, lets running operations finish for up to {@code deadline}, then fails what is left so that
     * pollers get an answer.
     */
    public void shutdown(Duration deadline) {
        try {
            executor.shutdown(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending left : List.copyOf(pending.values())) {
            finish(
                    left,
                    left.current
                            .get()
                            .failed(
                                    clock.instant(),
                                    "meshprov stopped before this operation finished; run it again",
                                    left.current.get().logs()));
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(30));
    }

    // ---------------------------------------------------------------- internals

    private Validation<Seq<Problem>, Resolved<?>> resolve(
            Target target, ProvisioningRequest request, CallOptions options, Operation operation) {
        return parser.parse(request, options.componentId()).flatMap(component -> resolve(target, component, operation));
    }

    private Validation<Seq<Problem>, Resolved<?>> resolve(
            Target target, ComponentRequest request, Operation operation) {
        return registry.select(target, request.component())
                .flatMap(registration ->
                        validateWith(registration, registration.technology().orElseThrow(), request, operation));
    }

    private static <S> Validation<Seq<Problem>, Resolved<?>> validateWith(
            Registration registration, Technology<S> technology, ComponentRequest request, Operation operation) {
        return technology.validate(request, operation).map(spec ->
                (Resolved<?>) new Resolved<>(registration, technology, spec, request));
    }

    private Validation<Seq<Problem>, ComponentRequest> aclComponent(UpdateAclRequest request) {
        String field = "provisionInfo.request";
        return yaml.parseReadOnly(request.provisionRequest(), field)
                .flatMap(root -> {
                    JsonNode descriptor = root.path("descriptor");
                    if (root.isObject() && descriptor.isTextual()) {
                        return parser.parseDescriptor(descriptor.asText(), field + ".descriptor", Optional.empty());
                    }
                    return parser.fromTree(root, field, Optional.empty());
                })
                .map(located -> ComponentRequest.of(located.dataProduct(), located.component(), false));
    }

    private Submission<ProvisioningStatus> mutate(
            TaskKind kind, Validation<Seq<Problem>, Resolved<?>> resolved, CallOptions options, List<String> refs) {
        if (resolved.isInvalid()) {
            return refuse(resolved.getError());
        }
        Resolved<?> target = resolved.get();
        String componentId = target.request().component().id();
        Task task =
                Task.waiting(newToken(), kind, target.registration().name(), componentId, clock.instant(), instanceId);
        boolean async = options.mode().orElse(target.registration().mode()) == ExecutionMode.ASYNC;
        if (async) {
            try {
                tasks.insert(task);
            } catch (RuntimeException e) {
                return storeFailure(e);
            }
        }
        Pending entry = track(task, async);
        try {
            executor.execute(componentId, listener.onWorkerThread(task, () -> finish(entry, run(entry, target, refs))));
        } catch (RejectedExecutionException e) {
            finish(
                    entry,
                    task.failed(clock.instant(), "meshprov is shutting down; retry on another replica", List.of()));
            return new Submission.SystemFailure<>("meshprov is shutting down; retry later", List.of());
        }
        if (async) {
            return new Submission.Accepted<>(task.token());
        }
        return new Submission.Done<>(toProvisioningStatus(await(entry)));
    }

    private Task run(Pending entry, Resolved<?> target, List<String> refs) {
        Task waiting = entry.current.get();
        String context = waiting.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + waiting.componentId() + " ("
                + waiting.technology() + ", task " + waiting.token() + ")";
        RecordingOperationLog log = new RecordingOperationLog(
                clock,
                redactor,
                context,
                entries -> save(entry, entry.current.get().running(clock.instant(), entries)));
        try (ComponentLock.Lease lease = locks.acquire(waiting.componentId())) {
            save(entry, waiting.running(clock.instant(), List.of()));
            log.info("start", describeStart(waiting));
            Either<UpstreamFailure, ProvisionResult> outcome = perform(waiting.kind(), target, refs, log);
            if (outcome.isRight()) {
                String message = redactor.redact(outcome.get().message());
                return entry.current
                        .get()
                        .completed(clock.instant(), message, outcome.get().info(), log.entries());
            }
            String reason = redactor.redact(outcome.getLeft().describe());
            log.error("failed", reason);
            return entry.current.get().failed(clock.instant(), reason, log.entries());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return entry.current
                    .get()
                    .failed(
                            clock.instant(),
                            "meshprov stopped before this operation finished; run it again",
                            log.entries());
        } catch (RuntimeException e) {
            LOG.log(Logger.Level.ERROR, "internal error in " + context, e);
            String reason = "Internal error in meshprov (" + e.getClass().getSimpleName() + ": "
                    + redactor.redact(String.valueOf(e.getMessage())) + "); the server log has the details of task "
                    + waiting.token();
            log.error("failed", reason);
            return entry.current.get().failed(clock.instant(), reason, log.entries());
        }
    }

    private static <S> Either<UpstreamFailure, ProvisionResult> perform(
            TaskKind kind, Resolved<S> target, List<String> refs, OperationLog log) {
        return switch (kind) {
            case PROVISION -> target.technology().provision(target.spec(), log);
            case UNPROVISION -> target.technology().unprovision(target.spec(), log);
            case UPDATE_ACL -> target.technology().updateAcl(target.spec(), refs, log);
            default -> throw new IllegalArgumentException("not a mutating task: " + kind);
        };
    }

    private static <S> Either<UpstreamFailure, Plan> planWith(Resolved<S> target) {
        return target.technology().plan(target.spec());
    }

    private static String describeStart(Task task) {
        String what =
                switch (task.kind()) {
                    case PROVISION -> "Provisioning";
                    case UNPROVISION -> "Unprovisioning";
                    case UPDATE_ACL -> "Updating access to";
                    default -> task.kind().name();
                };
        return what + " " + task.componentId() + " with the " + task.technology() + " technology";
    }

    private <R> Submission<R> startUnordered(Task task, java.util.function.Supplier<Task> work) {
        try {
            tasks.insert(task);
        } catch (RuntimeException e) {
            return storeFailure(e);
        }
        Pending entry = track(task, true);
        try {
            executor.execute(listener.onWorkerThread(task, () -> {
                save(entry, task.running(clock.instant(), List.of()));
                Task finished;
                try {
                    finished = work.get();
                } catch (RuntimeException e) {
                    LOG.log(Logger.Level.ERROR, "internal error in task " + task.token(), e);
                    finished = task.failed(
                            clock.instant(),
                            "Internal error in meshprov ("
                                    + e.getClass().getSimpleName() + "); the server log has the details of task "
                                    + task.token(),
                            List.of());
                }
                finish(entry, finished);
            }));
        } catch (RejectedExecutionException e) {
            finish(entry, task.failed(clock.instant(), "meshprov is shutting down", List.of()));
            return new Submission.SystemFailure<>("meshprov is shutting down; retry later", List.of());
        }
        return new Submission.Accepted<>(task.token());
    }

    private Pending track(Task task, boolean persisted) {
        Pending entry = new Pending(new AtomicReference<>(task), new CompletableFuture<>(), persisted);
        pending.put(task.token(), entry);
        announce(Optional.empty(), task);
        return entry;
    }

    /** Records the task's progress; nothing changes a task any more once {@link #finish} recorded its end. */
    private void save(Pending entry, Task task) {
        synchronized (entry) {
            if (entry.done.isDone()) {
                return;
            }
            Task previous = entry.current.getAndSet(task);
            if (entry.persisted) {
                tasks.update(task);
            }
            if (previous.state() != task.state()) {
                announce(Optional.of(previous.state()), task);
            }
        }
    }

    private void announce(Optional<TaskState> previous, Task task) {
        try {
            listener.changed(previous, task);
        } catch (RuntimeException e) {
            LOG.log(Logger.Level.WARNING, "the task listener failed on task " + task.token(), e);
        }
    }

    /**
     * Records the final state of a task once: the first of the worker and {@link #shutdown} wins, and the loser waits
     * until the winner has saved it, so that no caller sees the task running after shutdown returned.
     */
    private void finish(Pending entry, Task task) {
        synchronized (entry) {
            if (entry.done.isDone()) {
                return;
            }
            save(entry, task);
            entry.done.complete(task);
        }
        pending.remove(task.token());
    }

    private Task await(Pending entry) {
        try {
            return entry.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return entry.current
                    .get()
                    .failed(
                            clock.instant(),
                            "interrupted while waiting for the operation",
                            entry.current.get().logs());
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task future never fails", e);
        }
    }

    /** The task could not be stored: full, or the store is unreachable. Nothing ran; the caller may retry. */
    private <R> Submission<R> storeFailure(RuntimeException e) {
        if (e instanceof TaskStoreFullException) {
            return new Submission.SystemFailure<>(e.getMessage(), List.of());
        }
        LOG.log(Logger.Level.ERROR, "the task store failed to accept a task", e);
        return new Submission.SystemFailure<>(
                "meshprov could not record the task (" + redactor.redact(String.valueOf(e.getMessage()))
                        + "); nothing was started, retry later",
                List.of());
    }

    /** Invalid input is rejected with every problem; input that could not be checked is "could not check". */
    private <R> Submission<R> refuse(Seq<Problem> problems) {
        ValidationResult result = ValidationResult.of(problems.asJava());
        if (result.isInvalid()) {
            return new Submission.Rejected<>(problems.asJava());
        }
        return new Submission.CouldNotCheck<>(redacted(result.outages()));
    }

    /** Reading the upstream state failed: an outage when it could not be read, else a system failure. */
    private Submission<Plan> planFailure(UpstreamFailure failure) {
        UpstreamOutage outage = UpstreamOutage.of(failure);
        if (outage.kind() == UpstreamOutage.Kind.FAILED) {
            return new Submission.SystemFailure<>(redactor.redact(failure.describe()), List.of());
        }
        return new Submission.CouldNotCheck<>(redacted(List.of(outage)));
    }

    private List<UpstreamOutage> redacted(List<UpstreamOutage> outages) {
        return outages.stream().map(outage -> outage.redacted(redactor::redact)).toList();
    }

    private String describe(Seq<Problem> problems) {
        return redactor.redact(problems.map(Problem::describe).mkString("; "));
    }

    private Readiness readiness(Technology<?> technology) {
        try {
            return technology.readiness();
        } catch (RuntimeException e) {
            return Readiness.notReady("readiness check failed: " + e.getClass().getSimpleName());
        }
    }

    private static ProvisioningStatus toProvisioningStatus(Task task) {
        Optional<Info> info = task.state() == TaskState.COMPLETED ? task.info() : Optional.empty();
        return new ProvisioningStatus(task.state().toOperationState(), task.result(), info, task.logs());
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }

    private record Resolved<S>(Registration registration, Technology<S> technology, S spec, ComponentRequest request) {}

    private record Pending(AtomicReference<Task> current, CompletableFuture<Task> done, boolean persisted) {}

    /** Builds a {@link Provisioner}; everything but the technologies has a sensible default. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Redactor redactor = new Redactor();
        private YamlLimits yamlLimits = YamlLimits.defaults();
        private RoutingTable routing = RoutingTable.defaults();
        private final List<Registration> registrations = new ArrayList<>();
        private TaskStore taskStore;
        private ComponentLock componentLock;
        private int workers = 8;
        private String instanceId = UUID.randomUUID().toString();
        private TaskListener taskListener = TaskListener.none();

        private Builder() {}

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder redactor(Redactor value) {
            this.redactor = Objects.requireNonNull(value);
            return this;
        }

        public Builder yamlLimits(YamlLimits value) {
            this.yamlLimits = Objects.requireNonNull(value);
            return this;
        }

        public Builder routing(RoutingTable value) {
            this.routing = Objects.requireNonNull(value);
            return this;
        }

        /** Adds a technology, enabled or disabled. */
        public Builder registration(Registration value) {
            registrations.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder taskStore(TaskStore value) {
            this.taskStore = Objects.requireNonNull(value);
            return this;
        }

        public Builder componentLock(ComponentLock value) {
            this.componentLock = Objects.requireNonNull(value);
            return this;
        }

        /** How many operations run at once (different components); default 8. */
        public Builder workers(int value) {
            this.workers = value;
            return this;
        }

        /** The id of this process in shared task stores; default a random UUID. */
        public Builder instanceId(String value) {
            this.instanceId = Objects.requireNonNull(value);
            return this;
        }

        /** Told about every task's state changes and wraps its work on the worker thread; default none. */
        public Builder taskListener(TaskListener value) {
            this.taskListener = Objects.requireNonNull(value);
            return this;
        }

        public Provisioner build() {
            return new Provisioner(this);
        }
    }
}
