package dev.meshprov.core.cde;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The application shape of a CDE job, chosen from the fields present ({@code jar} → JVM Spark, {@code pythonFile} →
 * PySpark, plus {@code requirementsFile} → PySpark with a Python environment), so every problem speaks of the shape
 * the user meant; a field of the other shape is a problem.
 */
final class SparkApplicationRules {

    private static final List<String> PYTHON_ONLY = List.of("pythonVersion", "requirementsFile", "pyMirror");
    private static final Pattern MIRROR = Pattern.compile("^https?://\\S+$");

    private SparkApplicationRules() {}

    /** Whether the job is PySpark, as far as the fields tell when the application could not be read. */
    static boolean isPython(Optional<SparkApplication> application, FieldReader specific) {
        return application.map(a -> !(a instanceof SparkApplication.Jvm)).orElse(!specific.has("jar"));
    }

    /** The application; empty, with problems, when its shape is unclear or one of its fields is not valid. */
    static Optional<SparkApplication> read(
            FieldReader specific, boolean allowPython2, ArtifactFields artifacts, ProblemList problems) {
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
            return readJvm(specific, artifacts, problems);
        }
        if (python) {
            return readPython(specific, allowPython2, artifacts, problems);
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

    private static Optional<SparkApplication> readJvm(
            FieldReader specific, ArtifactFields artifacts, ProblemList problems) {
        Optional<ArtifactUri> jar = artifacts.required(specific, "jar", ArtifactFields.JOB_SOURCE);
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

    private static Optional<SparkApplication> readPython(
            FieldReader specific, boolean allowPython2, ArtifactFields artifacts, ProblemList problems) {
        Optional<ArtifactUri> file = artifacts.required(specific, "pythonFile", ArtifactFields.JOB_SOURCE);
        Optional<String> version = pythonVersion(specific, allowPython2, problems);
        if (specific.has("className")) {
            problems.add(specific.problem(
                    "className",
                    "applies to JVM Spark jobs only, but this is a PySpark job (pythonFile is set)",
                    "Remove className, or replace pythonFile with jar for a JVM Spark job."));
        }
        boolean withEnv = specific.has("requirementsFile");
        Optional<ArtifactUri> requirements =
                withEnv ? requirementsFile(specific, artifacts, problems) : Optional.empty();
        Optional<String> mirror = pyMirror(specific, withEnv, problems);
        if (file.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        if (!withEnv) {
            return Optional.of(new SparkApplication.PySpark(file.get(), version.get()));
        }
        return requirements.map(r -> new SparkApplication.PySparkWithEnv(file.get(), version.get(), r, mirror));
    }

    private static Optional<String> pythonVersion(FieldReader specific, boolean allowPython2, ProblemList problems) {
        List<String> allowed = allowPython2 ? List.of("python3", "python2") : List.of("python3");
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

    private static Optional<ArtifactUri> requirementsFile(
            FieldReader specific, ArtifactFields artifacts, ProblemList problems) {
        Optional<ArtifactUri> requirements =
                artifacts.required(specific, "requirementsFile", ArtifactFields.REQUIREMENTS);
        if (requirements.isPresent() && !requirements.get().key().endsWith("requirements.txt")) {
            problems.add(specific.problem(
                    "requirementsFile",
                    "is " + requirements.get() + ", but a Python environment is built from a file named"
                            + " requirements.txt",
                    "Point specific.requirementsFile at a file named requirements.txt."));
            return Optional.empty();
        }
        return requirements;
    }

    /** The PyPI mirror; a problem when it is not an http(s) URL, or when there is no environment to use it. */
    private static Optional<String> pyMirror(FieldReader specific, boolean withEnv, ProblemList problems) {
        Optional<String> mirror = problems.take(
                specific.optionalText("pyMirror", "Set pyMirror to the URL of a PyPI mirror, or remove it."),
                Optional.empty());
        if (mirror.isEmpty()) {
            return mirror;
        }
        if (!MIRROR.matcher(mirror.get()).matches()) {
            problems.add(specific.problem(
                    "pyMirror",
                    "is '" + mirror.get() + "', which is not an http(s) URL",
                    "Set pyMirror to the URL of a PyPI mirror, e.g. https://pypi.mirror.example/simple."));
            return Optional.empty();
        }
        if (!withEnv) {
            problems.add(specific.problem(
                    "pyMirror",
                    "applies only to a Python environment, but requirementsFile is not set",
                    "Add specific.requirementsFile, or remove pyMirror."));
        }
        return mirror;
    }

    private static String firstPresent(FieldReader reader, List<String> fields) {
        return fields.stream().filter(reader::has).findFirst().orElse("");
    }
}
