package dev.meshprov.cli.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code meshprov} as a process of its own (the test's classpath and {@code dev.meshprov.cli.Main}, or the
 * runnable jar) with exactly the environment given: nothing of the test machine's leaks in, so that what the AWS SDK's default credentials chain
 * finds is what the test says. {@code HOME} is the working directory (no {@code ~/.aws}) and the EC2 instance
 * metadata service is switched off, so that no lookup leaves the machine.
 */
public final class CliProcess {

    private static final long TIMEOUT_SECONDS = 120;

    private CliProcess() {}

    /** Runs {@code args} in {@code directory} with {@code environment} (plus PATH, HOME and the IMDS switch). */
    public static CliRun run(Path directory, Map<String, String> environment, String... args) {
        return run(
                List.of(
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.meshprov.cli.Main"),
                directory,
                environment,
                args);
    }

    /** Like {@link #run(Path, Map, String...)}, with {@code java <jvmOptions> -jar <jar>} as the command. */
    public static CliRun runJar(
            Path jar, List<String> jvmOptions, Path directory, Map<String, String> environment, String... args) {
        List<String> launcher = new ArrayList<>(jvmOptions);
        launcher.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return run(launcher, directory, environment, args);
    }

    /** The environment of every run: PATH, HOME = the working directory, no EC2 instance metadata; then these. */
    public static void isolate(ProcessBuilder builder, Path directory, Map<String, String> environment) {
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", directory.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.putAll(environment);
    }

    /** The JVM running this test. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static CliRun run(List<String> launcher, Path directory, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(launcher);
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(directory, "stdout-", ".txt");
            Path err = Files.createTempFile(directory, "stderr-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            isolate(builder, directory, environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("meshprov " + String.join(" ", args) + " did not end in time");
            }
            return new CliRun(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
