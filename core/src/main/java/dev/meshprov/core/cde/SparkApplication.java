package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;

/** What the Spark job runs: one of the three shapes of the descriptor. */
public sealed interface SparkApplication {

    /** The main artifact: the jar or the Python file. */
    ArtifactUri mainFile();

    /** A short name of the shape for messages. */
    String shape();

    /** A JVM Spark application: {@code jar} and {@code className}. */
    record Jvm(ArtifactUri jar, String className) implements SparkApplication {
        public Jvm {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(className, "className");
        }

        @Override
        public ArtifactUri mainFile() {
            return jar;
        }

        @Override
        public String shape() {
            return "JVM Spark";
        }
    }

    /** A PySpark application: {@code pythonFile} and {@code pythonVersion}. */
    record PySpark(ArtifactUri pythonFile, String pythonVersion) implements SparkApplication {
        public PySpark {
            Objects.requireNonNull(pythonFile, "pythonFile");
            Objects.requireNonNull(pythonVersion, "pythonVersion");
        }

        @Override
        public ArtifactUri mainFile() {
            return pythonFile;
        }

        @Override
        public String shape() {
            return "PySpark";
        }
    }

    /**
     * A PySpark application running in a Python environment built from {@code requirementsFile}, optionally
     * resolving packages from {@code pyMirror}.
     */
    record PySparkWithEnv(
            ArtifactUri pythonFile, String pythonVersion, ArtifactUri requirementsFile, Optional<String> pyMirror)
            implements SparkApplication {
        public PySparkWithEnv {
            Objects.requireNonNull(pythonFile, "pythonFile");
            Objects.requireNonNull(pythonVersion, "pythonVersion");
            Objects.requireNonNull(requirementsFile, "requirementsFile");
            Objects.requireNonNull(pyMirror, "pyMirror");
        }

        @Override
        public ArtifactUri mainFile() {
            return pythonFile;
        }

        @Override
        public String shape() {
            return "PySpark with a Python environment";
        }
    }
}
