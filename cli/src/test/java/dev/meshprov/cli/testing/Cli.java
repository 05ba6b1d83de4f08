package dev.meshprov.cli.testing;

import dev.meshprov.cli.Main;
import dev.meshprov.cli.runtime.CliContext;
import dev.meshprov.cli.runtime.StopSignal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs {@code meshprov} command lines in-process, in a working directory of the test's own, with the given
 * environment and stdin, capturing stdout and stderr.
 */
public final class Cli {

    /** The example DAG's staging file under the embedded default's {@code ./airflow}. */
    public static final String STAGING_FILE = "airflow/staging/finance.cashflow.1.cashflow_daily.py";

    /** Where the embedded default deploys the example DAG. */
    public static final String DAG_FILE = "airflow/dags/finance_cashflow_1_cashflow_daily.py";

    private final Path workingDirectory;
    private final Map<String, String> environment = new HashMap<>();
    private byte[] stdin = new byte[0];
    private boolean terminal;

    private Cli(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** A CLI in {@code directory}, which gets copies of the project's {@code examples/} files. */
    public static Cli in(Path directory) {
        Examples.copyTo(directory);
        return new Cli(directory);
    }

    /** Uploads the example DAG where the embedded default's staging folder is, as a component's CI would. */
    public Cli withStagedDag() {
        try {
            Path staging = workingDirectory.resolve(STAGING_FILE);
            Files.createDirectories(staging.getParent());
            Files.copy(Examples.path("airflow/cashflow_daily.py"), staging);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Cli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public Cli stdin(String content) {
        stdin = content.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Whether the run believes a person watches stderr. */
    public Cli terminal(boolean value) {
        terminal = value;
        return this;
    }

    public Path directory() {
        return workingDirectory;
    }

    public Path file(String relative) {
        return workingDirectory.resolve(relative);
    }

    public Path write(String relative, String content) {
        try {
            Path path = workingDirectory.resolve(relative);
            Files.createDirectories(path.getParent());
            return Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command line to its end. */
    public CliRun run(String... args) {
        return start(args).await();
    }

    /** Starts a command line in another thread (for {@code serve}). */
    public Running start(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Runnable> hooks = new CopyOnWriteArrayList<>();
        StopSignal stopSignal = hooks::add;
        CliContext context = new CliContext(
                environment,
                workingDirectory,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal,
                stopSignal);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        exit.complete(Main.run(args, context));
                    } catch (RuntimeException | Error e) {
                        exit.completeExceptionally(e);
                    }
                },
                "meshprov-cli-test");
        thread.start();
        return new Running(exit, out, err, hooks);
    }

    /** A command line running in another thread. */
    public static final class Running {
        private final CompletableFuture<Integer> exit;
        private final ByteArrayOutputStream out;
        private final ByteArrayOutputStream err;
        private final List<Runnable> stopHooks;

        Running(
                CompletableFuture<Integer> exit,
                ByteArrayOutputStream out,
                ByteArrayOutputStream err,
                List<Runnable> hooks) {
            this.exit = exit;
            this.out = out;
            this.err = err;
            this.stopHooks = hooks;
        }

        /** What it has written to stderr so far. */
        public String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }

        public boolean isDone() {
            return exit.isDone();
        }

        /** Asks it to stop, as SIGTERM would. */
        public void stop() {
            stopHooks.forEach(Runnable::run);
        }

        public CliRun await() {
            int code = exit.join();
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
