package dev.meshprov.core.service;

import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.descriptor.YamlLimits;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.model.UpdateAclRequest;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.model.ValidationStatus;
import dev.meshprov.core.port.ComponentLock;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.TaskListener;
import dev.meshprov.core.port.TaskStore;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.task.InMemoryComponentLock;
import dev.meshprov.core.task.InMemoryTaskStore;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

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

    private final TechnologyRegistry registry;
    private final RequestResolver resolver;
    private final TaskRunner runner;
    private final ComponentOperations operations;
    private final ReverseProvisioning reverse;
    private final Answers answers;
    private final Clock clock;

    private Provisioner(Builder builder) {
        this.clock = builder.clock;
        this.registry = new TechnologyRegistry(builder.registrations, builder.routing);
        this.resolver = new RequestResolver(SafeYaml.cached(builder.yamlLimits), registry);
        TaskStore tasks = Objects.requireNonNullElseGet(
                builder.taskStore, () -> new InMemoryTaskStore(clock, 10_000, Duration.ofHours(24)));
        KeyedSerialExecutor executor = new KeyedSerialExecutor(builder.workers, "meshprov-task");
        this.runner =
                new TaskRunner(tasks, executor, builder.taskListener, clock, builder.redactor, builder.instanceId);
        ComponentLock locks = Objects.requireNonNullElseGet(builder.componentLock, InMemoryComponentLock::new);
        this.answers = new Answers(builder.redactor);
        this.operations = new ComponentOperations(resolver, runner, answers, locks, clock, builder.redactor);
        this.reverse = new ReverseProvisioning(registry, runner, answers, clock, builder.redactor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates a request: every problem of the request, the descriptor and the technology's rules; or, when the
     * input showed none but an online check could not be made because an upstream failed, "could not check".
     */
    public ValidationResult validate(Target target, ProvisioningRequest request, CallOptions options) {
        return ValidationResult.of(validationProblems(target, request, options));
    }

    /**
     * Starts validating a request in the background; poll with {@link #validationStatus}. A validation whose checks
     * could not be made ends {@code FAILED}, with its result.
     */
    public Submission<ValidationResult> validateAsync(Target target, ProvisioningRequest request) {
        Task task = runner.newTask(TaskKind.VALIDATE, target.technology().orElse(""), "");
        return runner.startUnordered(
                task,
                () -> answers.validated(
                        task, validationProblems(target, request, CallOptions.defaults()), clock.instant()));
    }

    /**
     * The status of an asynchronous validation; empty for an unknown token. The result is there once completed, and
     * when it failed because checks could not be made.
     */
    public Optional<ValidationStatus> validationStatus(String token) {
        return runner.find(token, TaskKind.VALIDATE::equals).map(Answers::toValidationStatus);
    }

    private List<Problem> validationProblems(Target target, ProvisioningRequest request, CallOptions options) {
        return Validations.problems(resolver.resolve(target, request, options, Operation.VALIDATE))
                .asJava();
    }

    public Submission<ProvisioningStatus> provision(Target target, ProvisioningRequest request, CallOptions options) {
        return operations.submit(TaskKind.PROVISION, target, request, options);
    }

    public Submission<ProvisioningStatus> unprovision(Target target, ProvisioningRequest request, CallOptions options) {
        return operations.submit(TaskKind.UNPROVISION, target, request, options);
    }

    /** Grants access to exactly {@code request.refs()} on the component of {@code provisionInfo.request}. */
    public Submission<ProvisioningStatus> updateAcl(Target target, UpdateAclRequest request, CallOptions options) {
        return operations.updateAcl(target, request, options);
    }

    /** The status of a provision, unprovision or updateacl task; empty for an unknown token. */
    public Optional<ProvisioningStatus> status(String token) {
        return runner.find(token, TaskKind::isProvisioningStatusKind).map(Answers::toProvisioningStatus);
    }

    /** What provisioning would do, without changing anything. */
    public Submission<Plan> plan(Target target, ProvisioningRequest request, CallOptions options) {
        Validation<Seq<Problem>, Resolved<?>> resolved =
                resolver.resolve(target, request, options, Operation.PROVISION);
        if (resolved.isInvalid()) {
            return answers.refuse(resolved.getError());
        }
        return resolved.get().plan().fold(answers::planFailure, Submission.Done::new);
    }

    /** Imports an existing upstream entity as catalog-info updates. */
    public Submission<ReverseProvisioningStatus> reverse(
            Target target, ReverseProvisioningRequest request, CallOptions options) {
        return reverse.reverse(target, request, options);
    }

    /** The status of a reverse provisioning task; empty for an unknown token. */
    public Optional<ReverseProvisioningStatus> reverseStatus(String token) {
        return runner.find(token, TaskKind.REVERSE::equals).map(Answers::toReverseStatus);
    }

    /** The technologies of this process, enabled or not. */
    public List<Registration> technologies() {
        return registry.all();
    }

    /** The readiness of each enabled technology, by name. Never throws. */
    public Map<String, Readiness> readiness() {
        return TechnologyRegistry.readiness(registry.all());
    }

    /** The readiness of one technology, by name, when it is enabled; asks no other. Never throws. */
    public Map<String, Readiness> readiness(String technology) {
        return TechnologyRegistry.readiness(registry.byName(technology).stream().toList());
    }

    /**
     * Stops taking work, lets running operations finish for up to {@code deadline}, then fails what is left so that
     * pollers get an answer.
     */
    public void shutdown(Duration deadline) {
        runner.shutdown(deadline);
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(30));
    }

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
            return set(value, v -> clock = v);
        }

        public Builder redactor(Redactor value) {
            return set(value, v -> redactor = v);
        }

        public Builder yamlLimits(YamlLimits value) {
            return set(value, v -> yamlLimits = v);
        }

        public Builder routing(RoutingTable value) {
            return set(value, v -> routing = v);
        }

        /** Adds a technology, enabled or disabled. */
        public Builder registration(Registration value) {
            return set(value, registrations::add);
        }

        public Builder taskStore(TaskStore value) {
            return set(value, v -> taskStore = v);
        }

        public Builder componentLock(ComponentLock value) {
            return set(value, v -> componentLock = v);
        }

        /** How many operations run at once (different components); default 8. */
        public Builder workers(int value) {
            return set(value, v -> workers = v);
        }

        /** The id of this process in shared task stores; default a random UUID. */
        public Builder instanceId(String value) {
            return set(value, v -> instanceId = v);
        }

        /** Told about every task's state changes and wraps its work on the worker thread; default none. */
        public Builder taskListener(TaskListener value) {
            return set(value, v -> taskListener = v);
        }

        public Provisioner build() {
            return new Provisioner(this);
        }

        /** Sets one setting; none may be null. */
        private <T> Builder set(T value, Consumer<T> setting) {
            setting.accept(Objects.requireNonNull(value));
            return this;
        }
    }
}
