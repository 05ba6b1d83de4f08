package dev.meshprov.http.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Registration;
import dev.meshprov.core.service.Route;
import dev.meshprov.core.service.RoutingTable;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
        Map<String, RouteSettings> routing = routing(root.child("routing"), providers.keySet(), problems);
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
            registration(provider, root.child(name), context, problems).ifPresent(registrations::add);
        }
        if (!earlier.isEmpty() || !problems.isEmpty()) {
            return Validations.invalid(withEarlier(earlier, problems.asList()));
        }
        MeshprovSettings settings = new MeshprovSettings(server, tasks, logging.withDefaults(), routing);
        String instanceId = instanceId();
        Provisioner.Builder builder = Provisioner.builder()
                .clock(options.clock())
                .redactor(redactor)
                .routing(routingTable(routing))
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

    private static Optional<Registration> registration(
            TechnologyProvider provider, ConfigSection section, TechnologyContext context, ProblemList problems) {
        TechnologyDescriptor descriptor = provider.descriptor();
        if (!section.isAbsent() && !section.node().isObject()) {
            problems.add(Problem.of(
                    section.path(),
                    "must be a map",
                    "Write the " + section.path() + " settings as a map, e.g. " + section.path()
                            + ": {enabled: true}."));
            return Optional.empty();
        }
        boolean enabled = flag(section, "enabled", descriptor.enabledByDefault(), problems);
        ExecutionMode mode = mode(section, descriptor.defaultMode(), problems);
        if (!enabled) {
            return Optional.of(Registration.disabled(descriptor));
        }
        ConfigSection rest = withoutSwitches(section);
        Validation<Seq<Problem>, Technology<?>> created = provider.create(rest, context);
        if (created.isInvalid()) {
            problems.addAll(created.getError());
            return Optional.empty();
        }
        return Optional.of(Registration.enabled(descriptor, created.get(), mode));
    }

    private static boolean flag(ConfigSection section, String key, boolean fallback, ProblemList problems) {
        JsonNode value = section.child(key).node();
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && Set.of("true", "false").contains(value.asText().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(value.asText());
        }
        problems.add(Problem.of(section.key(key), "must be true or false", "Write " + section.key(key) + ": true."));
        return fallback;
    }

    private static ExecutionMode mode(ConfigSection section, ExecutionMode fallback, ProblemList problems) {
        JsonNode value = section.child("mode").node();
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        for (ExecutionMode mode : ExecutionMode.values()) {
            if (value.isTextual() && mode.name().equalsIgnoreCase(value.asText())) {
                return mode;
            }
        }
        problems.add(Problem.of(
                section.key("mode"),
                "must be sync or async",
                "Write " + section.key("mode")
                        + ": async (answers with a token to poll) or sync (answers when done)."));
        return fallback;
    }

    private static ConfigSection withoutSwitches(ConfigSection section) {
        if (section.isAbsent()) {
            return section;
        }
        ObjectNode copy = ((ObjectNode) section.node()).deepCopy();
        List<String> names = new ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        names.stream()
                .filter(n -> n.equalsIgnoreCase("enabled") || n.equalsIgnoreCase("mode"))
                .forEach(copy::remove);
        return new ConfigSection(section.path(), copy);
    }

    private static Map<String, RouteSettings> routing(
            ConfigSection section, Set<String> technologies, ProblemList problems) {
        Map<String, RouteSettings> routes = new HashMap<>();
        if (section.isAbsent()) {
            return routes;
        }
        if (!section.node().isObject()) {
            problems.add(
                    Problem.of("routing", "must be a map of technology names", "See the configuration reference."));
            return routes;
        }
        section.node().fieldNames().forEachRemaining(name -> {
            if (!technologies.contains(name)) {
                problems.add(Problem.of(
                        section.key(name),
                        "is not a technology of this build",
                        "Use one of: " + String.join(", ", technologies) + "."));
                return;
            }
            Validation<Seq<Problem>, RouteSettings> bound = section.child(name).bind(RouteSettings.class);
            RouteSettings route = problems.take(bound, null);
            if (route != null) {
                routes.put(name, route);
            }
        });
        return routes;
    }

    private static RoutingTable routingTable(Map<String, RouteSettings> configured) {
        List<Route> routes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Route route : RoutingTable.defaultRoutes()) {
            RouteSettings override = configured.get(route.technology());
            routes.add(override == null ? route : merge(route, override));
            seen.add(route.technology());
        }
        configured.forEach((name, settings) -> {
            if (!seen.contains(name)) {
                routes.add(merge(new Route(name, Set.of(), Set.of()), settings));
            }
        });
        return new RoutingTable(routes);
    }

    private static Route merge(Route defaults, RouteSettings override) {
        return new Route(
                defaults.technology(),
                override.infrastructureTemplateIds() == null
                        ? defaults.infrastructureTemplateIds()
                        : Set.copyOf(override.infrastructureTemplateIds()),
                override.useCaseTemplateIds() == null
                        ? defaults.useCaseTemplateIds()
                        : Set.copyOf(override.useCaseTemplateIds()));
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
