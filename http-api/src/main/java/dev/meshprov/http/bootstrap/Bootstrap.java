package dev.meshprov.http.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Registration;
import dev.meshprov.core.task.InMemoryTaskStore;
import dev.meshprov.core.validation.ProblemList;
import dev.meshprov.core.validation.Validations;
import dev.meshprov.http.logging.LoggingSettings;
import dev.meshprov.http.logging.TraceContext;
import dev.meshprov.http.logging.UpstreamLog;
import dev.meshprov.http.metrics.Metrics;
import dev.meshprov.jdbc.JdbcTaskBackend;
import dev.meshprov.jdbc.TaskStoreException;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Wires meshprov from a configuration tree: binds the process-wide sections, creates every enabled technology
 * through its provider, builds the routing table and the task store, and reports every configuration problem at
 * once, each naming its key.
 */
public final class Bootstrap {

    private static final Set<String> PROCESS_SECTIONS = Set.of("server", "tasks", "logging", "routing");

    private Bootstrap() {}

    /** Loads the configuration (see {@link ConfigSource}) and wires meshprov. */
    public static Validation<Seq<Problem>, Application> start(
            Optional<java.nio.file.Path> configFile, Map<String, String> env, BootstrapOptions options) {
        return ConfigSource.loadLeniently(configFile, env).flatMap(loaded -> create(loaded, options));
    }

    /** Wires meshprov from an already loaded configuration tree. */
    public static Validation<Seq<Problem>, Application> create(JsonNode tree, BootstrapOptions options) {
        return create(tree, options, List.of());
    }

    /**
     * Wires meshprov from a configuration loaded with {@link ConfigSource#loadLeniently}, reporting the problems of
     * loading it together with those of wiring it (as {@link #start} does), for callers that look at the tree first.
     */
    public static Validation<Seq<Problem>, Application> create(ConfigSource.Loaded loaded, BootstrapOptions options) {
        return create(loaded.tree(), options, loaded.problems()).mapError(problems -> problems.map(loaded::attributed));
    }

    /**
     * Wires meshprov, reporting {@code earlier} problems (of loading the tree) together with its own; a key already
     * named by an earlier problem (e.g. an unset variable) is not reported again for the value it left empty.
     */
    private static Validation<Seq<Problem>, Application> create(
            JsonNode tree, BootstrapOptions options, List<Problem> earlier) {
        ProblemList problems = new ProblemList();
        ConfigSection root = ConfigSection.root(tree);
        Map<String, TechnologyProvider> providers = new LinkedHashMap<>();
        options.providers().forEach(p -> providers.put(p.descriptor().name(), p));
        checkSectionNames(tree, providers.keySet(), problems);

        ServerSettings server = problems.take(root.child("server").bind(ServerSettings.class), null);
        TaskSettings tasks = problems.take(root.child("tasks").bind(TaskSettings.class), null);
        LoggingSettings logging = problems.take(root.child("logging").bind(LoggingSettings.class), null);
        Map<String, RouteSettings> routing = RoutingSection.bind(root.child("routing"), providers.keySet(), problems);
        if (server != null) {
            server = server.withDefaults();
            server.check().forEach(problems::add);
        }
        if (tasks != null) {
            tasks = tasks.withDefaults();
            tasks.check().forEach(problems::add);
        }

        Redactor redactor = new Redactor();
        registerSecrets(tree, redactor);
        Metrics metrics = Metrics.create();
        List<Registration> registrations = new ArrayList<>();
        for (TechnologyProvider provider : providers.values()) {
            String name = provider.descriptor().name();
            UpstreamObserver observer = Observers.upstream(
                    List.of(new UpstreamLog(redactor, name), metrics.upstreamObserver(name), options.observer()),
                    redactor);
            TechnologyContext context =
                    new TechnologyContext(options.clock(), redactor, options.workingDirectory(), observer);
            TechnologySections.registration(provider, root.child(name), context, problems)
                    .ifPresent(registrations::add);
        }
        if (!earlier.isEmpty() || !problems.isEmpty()) {
            return Validations.invalid(withEarlier(earlier, problems.asList()));
        }
        MeshprovSettings settings = new MeshprovSettings(server, tasks, logging.withDefaults(), routing);
        String instanceId = instanceId();
        Provisioner.Builder builder = Provisioner.builder()
                .clock(options.clock())
                .redactor(redactor)
                .routing(RoutingSection.table(routing))
                .workers(tasks.workers())
                .instanceId(instanceId)
                .taskListener(Observers.tasks(List.of(new TraceContext(), metrics.taskListener()), redactor));
        registrations.forEach(builder::registration);
        if (tasks.store() == TaskSettings.TaskStoreKind.MEMORY) {
            builder.taskStore(new InMemoryTaskStore(options.clock(), tasks.maxTasks(), tasks.retention()));
            return Validation.valid(new Application(settings, builder.build(), redactor, metrics, Optional.empty()));
        }
        JdbcTaskBackend database;
        try {
            database = JdbcTaskBackend.open(tasks.jdbc(instanceId), options.clock(), redactor);
        } catch (TaskStoreException e) {
            return Validations.invalid(Problem.of(
                    "tasks.jdbcUrl",
                    redactor.redact(e.getMessage()),
                    "Check tasks.jdbcUrl, tasks.username and tasks.password, and that the database is reachable"
                            + " from meshprov."));
        }
        builder.taskStore(database.taskStore()).componentLock(database.componentLock());
        return Validation.valid(new Application(settings, builder.build(), redactor, metrics, Optional.of(database)));
    }

    /**
     * A readable id for this process, unique among replicas: the host name (the pod name on Kubernetes) and a random
     * suffix. It is the owner of the tasks this process runs and appears in the message of a task whose instance
     * stopped.
     */
    private static String instanceId() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME"))
                .filter(name -> !name.isBlank())
                .orElse("meshprov");
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static io.vavr.collection.List<Problem> withEarlier(List<Problem> earlier, List<Problem> found) {
        Set<String> named = new HashSet<>();
        earlier.forEach(problem -> named.add(problem.field()));
        return io.vavr.collection.List.ofAll(earlier)
                .appendAll(found.stream()
                        .filter(problem -> !named.contains(problem.field()))
                        .toList());
    }

    private static void checkSectionNames(JsonNode tree, Set<String> technologies, ProblemList problems) {
        Set<String> known = new LinkedHashSet<>(PROCESS_SECTIONS);
        known.addAll(technologies);
        tree.fieldNames().forEachRemaining(name -> {
            if (known.stream().noneMatch(k -> k.equalsIgnoreCase(name))) {
                problems.add(Problem.of(
                        name,
                        "is not a known section",
                        "Use one of: " + String.join(", ", known) + " (check the spelling, or the environment"
                                + " variables starting with MESHPROV_)."));
            }
        });
    }

    private static void registerAll(JsonNode node, Redactor redactor) {
        if (node.isValueNode()) {
            redactor.register(node.asText());
        } else {
            node.forEach(child -> registerAll(child, redactor));
        }
    }

    /**
     * Registers with {@code redactor} the value of every secret-looking key of a configuration tree (as wiring does),
     * so that a caller can mask them before the configuration is known to be valid.
     */
    public static void registerSecrets(JsonNode node, Redactor redactor) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (Redactor.isSecretKey(entry.getKey())) {
                    registerAll(entry.getValue(), redactor);
                } else {
                    registerSecrets(entry.getValue(), redactor);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> registerSecrets(element, redactor));
        }
    }
}
