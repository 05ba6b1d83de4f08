package dev.meshprov.core.cde;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.ComponentId;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The static rules of a CDE component's {@code specific} section. The application shape is chosen from the fields
 * present ({@code jar} → JVM Spark, {@code pythonFile} → PySpark, plus {@code requirementsFile} → PySpark with a
 * Python environment), so every problem speaks of the shape the user meant.
 */
final class CdeDescriptorRules {

    static final String JOB_SOURCE = "Job Source application file";
    static final String DEPENDENCY = "Job dependency file";
    static final String REQUIREMENTS = "Python requirements file";

    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR");
    private static final Pattern MEMORY = Pattern.compile("^[1-9][0-9]{0,6}[mMgG]$");
    private static final Pattern MIRROR = Pattern.compile("^https?://\\S+$");
    private static final List<String> PYTHON_ONLY = List.of("pythonVersion", "requirementsFile", "pyMirror");
    private static final List<String> PYTHON_DEPENDENCY_SUFFIXES = List.of(".py", ".zip", ".egg");
    static final String SAFARI_KEY = "dex.safariEnabled";

    private final CdeSettings settings;

    CdeDescriptorRules(CdeSettings settings) {
        this.settings = settings;
    }

    /** Applies the rules; the workload is read only when {@code withWorkload} (validate, provision, plan). */
    DescriptorReading read(ComponentRequest request, boolean withWorkload) {
        Component component = request.component();
        FieldReader specific = FieldReader.of(component.specific(), component.fieldPath("specific"));
        ProblemList problems = new ProblemList();

        Optional<String> service = Optional.ofNullable(problems.take(
                specific.requiredText("cdeService", "Set specific.cdeService to the name of the CDE service."), null));
        Optional<String> virtualCluster = Optional.ofNullable(problems.take(
                specific.requiredText(
                        "cdeCluster", "Set specific.cdeCluster to the name of a virtual cluster of the CDE service."),
                null));
        Optional<String> jobName = readJobName(request, specific, problems);

        Optional<CdeJobTarget> target = service.isPresent() && virtualCluster.isPresent() && jobName.isPresent()
                ? Optional.of(new CdeJobTarget(service.get(), virtualCluster.get(), jobName.get()))
                : Optional.empty();

        List<ArtifactField> artifacts = new ArrayList<>();
        Optional<CdeWorkload> workload = Optional.empty();
        if (withWorkload) {
            Optional<SparkApplication> application = readApplication(specific, problems, artifacts);
            boolean python =
                    application.map(a -> !(a instanceof SparkApplication.Jvm)).orElse(!specific.has("jar"));
            Optional<JobConfig> config = readJobConfig(specific, python, problems, artifacts);
            Optional<Boolean> run = problems.take(
                    specific.optionalBoolean(
                            "runOnProvision", "Set runOnProvision to true to run the job once after provisioning."),
                    Optional.empty());
            checkFileNames(artifacts, problems);
            if (application.isPresent() && config.isPresent()) {
                workload = Optional.of(
                        new CdeWorkload(application.get(), config.get(), run.orElse(settings.runOnProvision())));
            }
        }
        return new DescriptorReading(
                problems.asList(),
                specific.path("cdeService"),
                service,
                specific.path("cdeCluster"),
                virtualCluster,
                problems.isEmpty() ? target : Optional.empty(),
                problems.isEmpty() ? workload : Optional.empty(),
                artifacts);
    }

    // ---------------------------------------------------------------- job name

    private Optional<String> readJobName(ComponentRequest request, FieldReader specific, ProblemList problems) {
        Optional<String> expected = settings.jobNamePolicy() == JobNamePolicy.DERIVED
                ? expectedJobName(request, problems)
                : Optional.empty();
        String fix = expected.map(name -> "Set specific.jobName to '" + name + "'.")
                .orElse("Set specific.jobName to the name of the CDE job.");
        String jobName = problems.take(specific.requiredText("jobName", fix), null);
        if (jobName == null) {
            return Optional.empty();
        }
        if (expected.isPresent() && !expected.get().equals(jobName)) {
            problems.add(specific.problem(
                    "jobName",
                    "is '" + jobName + "', but must be '" + expected.get() + "': the component id without "
                            + ComponentId.PREFIX + ", then -<environment>, with every character other than a letter"
                            + " or digit replaced by '-'",
                    fix));
            return Optional.empty();
        }
        Optional<String> violation = JobNames.violation(jobName);
        if (violation.isPresent()) {
            problems.add(specific.problem(
                    "jobName",
                    violation.get(),
                    "Choose a shorter job name made of letters," + " digits, '.', '_' and '-'."));
            return Optional.empty();
        }
        return Optional.of(jobName);
    }

    private static Optional<String> expectedJobName(ComponentRequest request, ProblemList problems) {
        Component component = request.component();
        Optional<ComponentId> id = component.componentId();
        Optional<String> environment = request.dataProduct().environment();
        if (id.isEmpty()) {
            problems.add(Problem.of(
                    component.fieldPath("id"),
                    "is '" + component.id() + "', which is not of the form " + ComponentId.expectedForm()
                            + ", so the job name cannot be derived from it",
                    "Give the component an id of the form " + ComponentId.expectedForm() + "."));
        }
        if (environment.isEmpty()) {
            problems.add(Problem.of(
                    "dataProduct.environment",
                    "is required to derive the CDE job name but missing",
                    "Set dataProduct.environment, e.g. development."));
        }
        if (id.isEmpty() || environment.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JobNames.derive(id.get(), environment.get()));
    }

    // ---------------------------------------------------------------- application shape

    private Optional<SparkApplication> readApplication(
            FieldReader specific, ProblemList problems, List<ArtifactField> artifacts) {
        boolean jar = specific.has("jar");
        boolean python = specific.has("pythonFile");
        if (jar && python) {
            problems.add(specific.problem(
                    "pythonFile",
                    "is set together with jar, but a job is either JVM Spark (jar) or PySpark (pythonFile)",
                    "Keep jar and className for a JVM Spark job, or pythonFile and pythonVersion for a PySpark"
                            + " job, and remove the other."));
            return Optional.empty();
        }
        if (jar) {
            return readJvm(specific, problems, artifacts);
        }
        if (python) {
            return readPython(specific, problems, artifacts);
        }
        if (specific.has("className")) {
            problems.add(specific.problem(
                    "jar",
                    "is required for a JVM Spark job (className is set) but missing",
                    "Set specific.jar to the S3 URI of the application jar, e.g. s3://bucket/path/app.jar."));
        } else if (PYTHON_ONLY.stream().anyMatch(specific::has)) {
            problems.add(specific.problem(
                    "pythonFile",
                    "is required for a PySpark job (" + firstPresent(specific, PYTHON_ONLY) + " is set) but missing",
                    "Set specific.pythonFile to the S3 URI of the main Python file, e.g. s3://bucket/path/app.py."));
        } else {
            problems.add(Problem.of(
                    specific.path(),
                    "names no application: it needs jar and className (JVM Spark) or pythonFile and pythonVersion"
                            + " (PySpark)",
                    "Add jar and className for a JVM Spark job, or pythonFile and pythonVersion for a PySpark"
                            + " job."));
        }
        return Optional.empty();
    }

    private Optional<SparkApplication> readJvm(
            FieldReader specific, ProblemList problems, List<ArtifactField> artifacts) {
        Optional<ArtifactUri> jar = artifact(specific, "jar", JOB_SOURCE, problems, artifacts);
        String className = problems.take(
                specific.requiredText(
                        "className",
                        "Set specific.className to the fully qualified main class of the jar, e.g."
                                + " com.example.SparkApp."),
                null);
        for (String field : PYTHON_ONLY) {
            if (specific.has(field)) {
                problems.add(specific.problem(
                        field,
                        "applies to PySpark jobs only, but this is a JVM Spark job (jar is set)",
                        "Remove " + field + ", or replace jar and className with pythonFile for a PySpark job."));
            }
        }
        if (jar.isEmpty() || className == null) {
            return Optional.empty();
        }
        return Optional.of(new SparkApplication.Jvm(jar.get(), className));
    }

    private Optional<SparkApplication> readPython(
            FieldReader specific, ProblemList problems, List<ArtifactField> artifacts) {
        Optional<ArtifactUri> file = artifact(specific, "pythonFile", JOB_SOURCE, problems, artifacts);
        Optional<String> version = pythonVersion(specific, problems);
        if (specific.has("className")) {
            problems.add(specific.problem(
                    "className",
                    "applies to JVM Spark jobs only, but this is a PySpark job (pythonFile is set)",
                    "Remove className, or replace pythonFile with jar for a JVM Spark job."));
        }
        boolean withEnv = specific.has("requirementsFile");
        Optional<ArtifactUri> requirements = Optional.empty();
        if (withEnv) {
            requirements = artifact(specific, "requirementsFile", REQUIREMENTS, problems, artifacts);
            if (requirements.isPresent() && !requirements.get().key().endsWith("requirements.txt")) {
                problems.add(specific.problem(
                        "requirementsFile",
                        "is " + requirements.get() + ", but a Python environment is built from a file named"
                                + " requirements.txt",
                        "Point specific.requirementsFile at a file named requirements.txt."));
                requirements = Optional.empty();
            }
        }
        Optional<String> mirror = problems.take(
                specific.optionalText("pyMirror", "Set pyMirror to the URL of a PyPI mirror, or remove it."),
                Optional.empty());
        if (mirror.isPresent() && !MIRROR.matcher(mirror.get()).matches()) {
            problems.add(specific.problem(
                    "pyMirror",
                    "is '" + mirror.get() + "', which is not an http(s) URL",
                    "Set pyMirror to the URL of a PyPI mirror, e.g. https://pypi.mirror.example/simple."));
            mirror = Optional.empty();
        }
        if (mirror.isPresent() && !withEnv) {
            problems.add(specific.problem(
                    "pyMirror",
                    "applies only to a Python environment, but requirementsFile is not set",
                    "Add specific.requirementsFile, or remove pyMirror."));
        }
        if (file.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        if (!withEnv) {
            return Optional.of(new SparkApplication.PySpark(file.get(), version.get()));
        }
        Optional<String> pyMirror = mirror;
        return requirements.map(r -> new SparkApplication.PySparkWithEnv(file.get(), version.get(), r, pyMirror));
    }

    private Optional<String> pythonVersion(FieldReader specific, ProblemList problems) {
        List<String> allowed = settings.allowPython2() ? List.of("python3", "python2") : List.of("python3");
        String fix = "Set specific.pythonVersion to " + String.join(" or ", allowed) + ".";
        String version = problems.take(specific.requiredText("pythonVersion", fix), null);
        if (version == null) {
            return Optional.empty();
        }
        if (!allowed.contains(version)) {
            String why = version.equals("python2")
                    ? " (python2 is accepted only when the configuration sets cde.allowPython2: true)"
                    : "";
            problems.add(specific.problem(
                    "pythonVersion", "is '" + version + "', but must be " + String.join(" or ", allowed) + why, fix));
            return Optional.empty();
        }
        return Optional.of(version);
    }

    private static String firstPresent(FieldReader reader, List<String> fields) {
        return fields.stream().filter(reader::has).findFirst().orElse("");
    }

    private static Optional<ArtifactUri> artifact(
            FieldReader reader, String field, String role, ProblemList problems, List<ArtifactField> artifacts) {
        String fix = "Set " + field + " to the S3 URI of the file, " + ArtifactUri.expectedForm() + ".";
        String text = problems.take(reader.requiredText(field, fix), null);
        if (text == null) {
            return Optional.empty();
        }
        return artifactUri(reader.path(field), text, role, fix, problems, artifacts);
    }

    private static Optional<ArtifactUri> artifactUri(
            String path, String text, String role, String fix, ProblemList problems, List<ArtifactField> artifacts) {
        Optional<ArtifactUri> uri = ArtifactUri.parse(text);
        if (uri.isEmpty()) {
            problems.add(Problem.of(
                    path, "is '" + text + "', which is not an S3 URI of the form " + ArtifactUri.expectedForm(), fix));
            return Optional.empty();
        }
        Optional<String> dotSegment = uri.get().dotSegment();
        if (dotSegment.isPresent()) {
            problems.add(Problem.of(
                    path,
                    "is '" + text + "', whose key has a '" + dotSegment.get() + "' segment, which S3 stores resolve"
                            + " differently or refuse",
                    "Give the object's plain key, without '.' or '..' segments, e.g."
                            + " s3://finance-artifacts/app/app-1.0.jar."));
            return Optional.empty();
        }
        artifacts.add(new ArtifactField(path, uri.get(), role));
        return uri;
    }

    // ---------------------------------------------------------------- jobConfig

    private Optional<JobConfig> readJobConfig(
            FieldReader specific, boolean python, ProblemList problems, List<ArtifactField> artifacts) {
        CdeDefaults defaults = settings.defaults();
        Optional<FieldReader> maybeConfig = problems.take(
                specific.optionalObject("jobConfig", "Write jobConfig as a map of Spark settings, or remove it."),
                Optional.empty());
        if (maybeConfig.isEmpty()) {
            if (specific.has("jobConfig")) {
                return Optional.empty();
            }
            return Optional.of(new JobConfig(
                    List.of(),
                    List.of(),
                    defaults.driverCores(),
                    defaults.driverMemory(),
                    defaults.executorCores(),
                    defaults.executorMemory(),
                    defaults.numExecutors(),
                    defaults.logLevel(),
                    mergedConf(defaults.conf(), Map.of()),
                    Optional.empty()));
        }
        FieldReader config = maybeConfig.get();
        int before = problems.asList().size();
        List<String> args = scalarList(config, "args", problems);
        List<ArtifactUri> dependencies = dependencies(config, python, problems, artifacts);
        int driverCores = positive(config, "driverCores", defaults.driverCores(), problems);
        String driverMemory = memory(config, "driverMemory", defaults.driverMemory(), problems);
        int executorCores = positive(config, "executorCores", defaults.executorCores(), problems);
        String executorMemory = memory(config, "executorMemory", defaults.executorMemory(), problems);
        int numExecutors = positive(config, "numExecutors", defaults.numExecutors(), problems);
        String logLevel = logLevel(config, defaults.logLevel(), problems);
        Map<String, String> conf = conf(config, problems);
        Optional<JobSchedule> schedule = schedule(config, problems);
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

    private static List<ArtifactUri> dependencies(
            FieldReader config, boolean python, ProblemList problems, List<ArtifactField> artifacts) {
        String kinds = python ? ".py, .zip or .egg files" : "jars";
        String fix = "List the S3 URIs of the job's additional " + kinds + ", " + ArtifactUri.expectedForm() + ".";
        List<String> texts = problems.take(config.optionalTextList("dependencies", fix), List.of());
        List<ArtifactUri> uris = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String path = config.path("dependencies") + "[" + i + "]";
            Optional<ArtifactUri> uri = artifactUri(path, texts.get(i), DEPENDENCY, fix, problems, artifacts);
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

    private static Optional<JobSchedule> schedule(FieldReader config, ProblemList problems) {
        Optional<FieldReader> maybeSchedule = problems.take(
                config.optionalObject(
                        "schedule",
                        "Write schedule as a map with cronExpression and optionally startDate and endDate."),
                Optional.empty());
        if (maybeSchedule.isEmpty()) {
            return Optional.empty();
        }
        FieldReader schedule = maybeSchedule.get();
        String cronFix = "Set cronExpression to five fields: minute hour day-of-month month day-of-week (Sunday = 0),"
                + " e.g. \"0 6 * * *\".";
        String cron = problems.take(schedule.requiredText("cronExpression", cronFix), null);
        if (cron != null) {
            Optional<String> violation = CronRule.violation(cron);
            if (violation.isPresent()) {
                problems.add(schedule.problem("cronExpression", violation.get(), cronFix));
                cron = null;
            }
        }
        Optional<Instant> start = instant(schedule, "startDate", problems);
        Optional<Instant> end = instant(schedule, "endDate", problems);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            problems.add(schedule.problem(
                    "endDate",
                    "is " + end.get() + ", which is not after startDate " + start.get(),
                    "Set endDate after startDate, or remove endDate."));
        }
        if (cron == null) {
            return Optional.empty();
        }
        return Optional.of(new JobSchedule(cron.strip().replaceAll("\\s+", " "), start, end));
    }

    private static Optional<Instant> instant(FieldReader schedule, String field, ProblemList problems) {
        String fix = "Write " + field + " as an ISO-8601 instant, e.g. 2024-01-01T00:00:00Z.";
        Optional<String> text = problems.take(schedule.optionalText(field, fix), Optional.empty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get().strip()).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(schedule.problem(field, "is '" + text.get() + "', which is not an ISO-8601 instant", fix));
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- file names in the files resource

    private static void checkFileNames(List<ArtifactField> artifacts, ProblemList problems) {
        Map<String, ArtifactField> byName = new HashMap<>();
        for (ArtifactField artifact : artifacts) {
            if (artifact.role().equals(REQUIREMENTS)) {
                continue;
            }
            ArtifactField previous = byName.putIfAbsent(artifact.uri().fileName(), artifact);
            if (previous != null) {
                problems.add(Problem.of(
                        artifact.field(),
                        "is " + artifact.uri() + ", whose file name "
                                + artifact.uri().fileName()
                                + " is also the file name of " + previous.uri() + " (" + previous.field()
                                + "); both would be stored under that name in the job's files resource",
                        "Give every artifact of the job a distinct file name."));
            }
        }
    }
}
