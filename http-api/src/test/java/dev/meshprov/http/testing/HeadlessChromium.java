package dev.meshprov.http.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven from Java: installed with {@code apt-get} when missing (the test machine runs as root),
 * started headless with a fresh profile and everything that would reach the internet switched off, loading one page
 * and printing its DOM after the scripts ran.
 */
public final class HeadlessChromium {

    /** Where Debian's package puts it. */
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private static final long INSTALL_MINUTES = 10;
    private static final long RENDER_SECONDS = 60;

    private HeadlessChromium() {}

    /** Installs Chromium when missing; fails the test with the reason when that is impossible. */
    public static void ensureInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String output = run(
                List.of("sh", "-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"),
                INSTALL_MINUTES,
                TimeUnit.MINUTES);
        if (!Files.isExecutable(BINARY)) {
            fail(
                    "Chromium is needed for the browser test and could not be installed with"
                            + " 'apt-get install -y chromium' (is this Debian, run as root, with a package mirror?):%n%s",
                    output);
        }
    }

    /**
     * Loads {@code page} and returns the DOM once the page's scripts had {@code virtualMillis} of virtual time.
     */
    public static String dumpDom(URI page, int virtualMillis) {
        Path profile;
        try {
            profile = Files.createTempDirectory("meshprov-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(
                    List.of(
                            BINARY.toString(),
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-dev-shm-usage",
                            "--user-data-dir=" + profile,
                            "--virtual-time-budget=" + virtualMillis,
                            "--dump-dom",
                            page.toString()),
                    RENDER_SECONDS,
                    TimeUnit.SECONDS);
        } finally {
            delete(profile);
        }
    }

    private static String run(List<String> command, long timeout, TimeUnit unit) {
        Path output = null;
        try {
            output = Files.createTempFile("meshprov-process-", ".out");
            Path errors = Files.createTempFile("meshprov-process-", ".err");
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout, unit)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return fail("%s did not finish within %s %s", command.get(0), timeout, unit);
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return fail(
                        "%s exited with %s:%n%s%n%s",
                        command, process.exitValue(), out, Files.readString(errors, StandardCharsets.UTF_8));
            }
            Files.deleteIfExists(errors);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
