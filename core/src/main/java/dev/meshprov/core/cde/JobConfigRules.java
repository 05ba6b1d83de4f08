package dev.meshprov.core.cde;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of {@code specific.jobConfig}, the job's Spark settings: arguments, dependencies of the application's
 * kind, cores, memory, log level, Spark configuration and the schedule ({@link JobScheduleRules}). What the
 * descriptor leaves out comes from the configured {@link CdeDefaults}, and every job gets {@value #SAFARI_KEY}.
 */
final class JobConfigRules {

    /** The Spark setting every job gets unless its descriptor sets it otherwise (the spec: always {@code true}). */
    static final String SAFARI_KEY = "dex.safariEnabled";

    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR");
    private static final Pattern MEMORY = Pattern.compile("^[1-9][0-9]{0,6}[mMgG]$");
    private static final List<String> PYTHON_DEPENDENCY_SUFFIXES = List.of(".py", ".zip", ".egg");

    private JobConfigRules() {}

    /**
     * The Spark settings with the defaults applied (all defaults when {@code jobConfig} is absent); empty, with
     * problems, when any of them is not valid.
     */
    static Optional<JobConfig> read(
            FieldReader specific,
            boolean python,
            CdeDefaults defaults,
            ArtifactFields artifacts,
            ProblemList problems) {
        Optional<FieldReader> maybeConfig = problems.take(
                specific.optionalObject("jobConfig", "Write jobConfig as a map of Spark settings, or remove it."),
                Optional.empty());
        if (maybeConfig.isEmpty()) {
            return specific.has("jobConfig") ? Optional.empty() : Optional.of(defaultsOnly(defaults));
        }
        FieldReader config = maybeConfig.get();
        int before = problems.asList().size();
        List<String> args = scalarList(config, "args", problems);
        List<ArtifactUri> dependencies = dependencies(config, python, artifacts, problems);
        int driverCores = positive(config, "driverCores", defaults.driverCores(), problems);
        String driverMemory = memory(config, "driverMemory", defaults.driverMemory(), problems);
        int executorCores = positive(config, "executorCores", defaults.executorCores(), problems);
        String executorMemory = memory(config, "executorMemory", defaults.executorMemory(), problems);
        int numExecutors = positive(config, "numExecutors", defaults.numExecutors(), problems);
        String logLevel = logLevel(config, defaults.logLevel(), problems);
        Map<String, String> conf = conf(config, problems);
        Optional<JobSchedule> schedule = JobScheduleRules.read(config, problems);
        if (problems.asList().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new JobConfig(
                args,
                dependencies,
                driverCores,
                driverMemory,
                executorCores,
                executorMemory,
                numExecutors,
                logLevel,
                mergedConf(defaults.conf(), conf),
                schedule));
    }

    private static JobConfig defaultsOnly(CdeDefaults defaults) {
        return new JobConfig(
                List.of(),
                List.of(),
                defaults.driverCores(),
                defaults.driverMemory(),
                defaults.executorCores(),
                defaults.executorMemory(),
                defaults.numExecutors(),
                defaults.logLevel(),
                mergedConf(defaults.conf(), Map.of()),
                Optional.empty());
    }

    private static Map<String, String> mergedConf(Map<String, String> defaults, Map<String, String> descriptor) {
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        merged.putAll(descriptor);
        merged.putIfAbsent(SAFARI_KEY, "true");
        return merged;
    }

    private static List<String> scalarList(FieldReader reader, String field, ProblemList problems) {
        if (!reader.has(field)) {
            return List.of();
        }
        JsonNode node = reader.raw(field);
        String fix = "Write " + field + " as a list of strings, e.g. [\"--date\", \"2024-01-01\"].";
        if (!node.isArray()) {
            problems.add(reader.problem(field, "must be a list, but is " + Descriptors.describeType(node), fix));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (element.isTextual() || element.isNumber() || element.isBoolean()) {
                values.add(element.asText());
            } else {
                problems.add(Problem.of(
                        reader.path(field) + "[" + i + "]",
                        "must be a string, but is " + Descriptors.describeType(element),
                        fix));
            }
        }
        return values;
    }

    /** The additional jars (JVM Spark) or .py, .zip and .egg files (PySpark) the job needs. */
    private static List<ArtifactUri> dependencies(
            FieldReader config, boolean python, ArtifactFields artifacts, ProblemList problems) {
        String kinds = python ? ".py, .zip or .egg files" : "jars";
        String fix = "List the S3 URIs of the job's additional " + kinds + ", " + ArtifactUri.expectedForm() + ".";
        List<String> texts = problems.take(config.optionalTextList("dependencies", fix), List.of());
        List<ArtifactUri> uris = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String path = config.path("dependencies") + "[" + i + "]";
            Optional<ArtifactUri> uri = artifacts.read(path, texts.get(i), ArtifactFields.DEPENDENCY, fix);
            if (uri.isEmpty()) {
                continue;
            }
            String name = uri.get().fileName().toLowerCase(Locale.ROOT);
            boolean fits =
                    python ? PYTHON_DEPENDENCY_SUFFIXES.stream().anyMatch(name::endsWith) : name.endsWith(".jar");
            if (!fits) {
                problems.add(Problem.of(
                        path,
                        "is " + uri.get() + ", but the dependencies of a " + (python ? "PySpark" : "JVM Spark")
                                + " job must be " + kinds,
                        fix));
            } else {
                uris.add(uri.get());
            }
        }
        return uris;
    }

    private static int positive(FieldReader config, String field, int fallback, ProblemList problems) {
        return problems.take(
                        config.optionalPositiveInt(field, "Set " + field + " to a whole number greater than zero."),
                        Optional.of(fallback))
                .orElse(fallback);
    }

    private static String memory(FieldReader config, String field, String fallback, ProblemList problems) {
        String fix = "Set " + field + " to a whole number of megabytes or gigabytes, e.g. 512m or 2g.";
        Optional<String> value = problems.take(config.optionalText(field, fix), Optional.empty());
        if (value.isEmpty()) {
            return fallback;
        }
        String memory = value.get().strip();
        if (!MEMORY.matcher(memory).matches()) {
            problems.add(config.problem(
                    field, "is '" + value.get() + "', but must be a positive whole number followed by m or g", fix));
            return fallback;
        }
        return memory.toLowerCase(Locale.ROOT);
    }

    private static String logLevel(FieldReader config, String fallback, ProblemList problems) {
        String fix = "Set logLevel to one of TRACE, DEBUG, INFO, WARN, WARNING, ERROR.";
        Optional<String> value = problems.take(config.optionalText("logLevel", fix), Optional.empty());
        if (value.isEmpty()) {
            return fallback;
        }
        String level = value.get().strip().toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            problems.add(config.problem("logLevel", "is '" + value.get() + "', which is not a Spark log level", fix));
            return fallback;
        }
        return level;
    }

    private static Map<String, String> conf(FieldReader config, ProblemList problems) {
        String fix = "Write conf as a map of Spark property names to string values, e.g."
                + " {spark.sql.shuffle.partitions: \"64\"}.";
        Optional<FieldReader> conf = problems.take(config.optionalObject("conf", fix), Optional.empty());
        if (conf.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = conf.get().node().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode value = entry.getValue();
            if (entry.getKey().isBlank()) {
                problems.add(conf.get().problem(entry.getKey(), "has a blank property name", fix));
            } else if (value.isTextual() || value.isNumber() || value.isBoolean()) {
                values.put(entry.getKey(), value.asText());
            } else {
                problems.add(conf.get()
                        .problem(
                                entry.getKey(),
                                "must be a string, number or boolean, but is " + Descriptors.describeType(value),
                                fix));
            }
        }
        return values;
    }
}
