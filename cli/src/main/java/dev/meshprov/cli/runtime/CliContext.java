package dev.meshprov.cli.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a command takes from its process, so that tests run commands in a temporary directory with captured
 * streams and their own environment.
 *
 * @param environment the environment variables ({@code MESHPROV_CONFIG}, {@code MESHPROV_*} overrides, {@code ${VAR}}
 *     values)
 * @param workingDirectory relative paths (FILE, {@code --config}, the embedded default's {@code ./airflow}) are
 *     resolved against it
 * @param stdin what {@code -} reads
 * @param stdout results
 * @param stderr usage errors, logs and progress
 * @param terminal whether stderr is a terminal a person watches (progress is shown only then)
 * @param stopSignal tells {@code serve} when the process is asked to stop
 */
public record CliContext(
        Map<String, String> environment,
        Path workingDirectory,
        InputStream stdin,
        PrintStream stdout,
        PrintStream stderr,
        boolean terminal,
        StopSignal stopSignal) {

    public CliContext {
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath();
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(stopSignal, "stopSignal");
    }

    /**
     * The real process: its environment, current directory, standard streams (written as UTF-8 whatever the
     * locale, as JSON wants) and shutdown hooks.
     */
    public static CliContext system() {
        return new CliContext(
                System.getenv(),
                Path.of(""),
                System.in,
                utf8(FileDescriptor.out),
                utf8(FileDescriptor.err),
                Terminal.isInteractive(),
                StopSignal.shutdownHook());
    }

    private static PrintStream utf8(FileDescriptor descriptor) {
        return new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }
}
