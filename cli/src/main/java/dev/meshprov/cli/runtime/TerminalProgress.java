package dev.meshprov.cli.runtime;

import dev.meshprov.core.port.UpstreamCall;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The progress line on a terminal: {@code meshprov: provisioning... 3s (S3 CopyObject bucket/key: 200)}, drawn at
 * once and then every second, erased when the operation ends.
 */
final class TerminalProgress implements Progress {

    private static final String ERASE_LINE = "\r\u001B[K";
    private static final int MAX_STEP_LENGTH = 80;

    private final PrintStream stderr;
    private final Clock clock;
    private final AtomicReference<String> latest = new AtomicReference<>();

    TerminalProgress(PrintStream stderr, Clock clock) {
        this.stderr = stderr;
        this.clock = clock;
    }

    @Override
    public void completed(UpstreamCall call) {
        latest.set(call.system() + " " + call.operation() + " " + call.target() + ": " + call.outcome());
    }

    @Override
    public <T> T during(String activity, Supplier<T> work) {
        Instant started = clock.instant();
        draw(activity, started);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "meshprov-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> draw(activity, started), 1, 1, TimeUnit.SECONDS);
        try {
            return work.get();
        } finally {
            ticker.shutdownNow();
            awaitQuietly(ticker);
            synchronized (stderr) {
                stderr.print(ERASE_LINE);
                stderr.flush();
            }
        }
    }

    private void draw(String activity, Instant started) {
        String line = line(activity, Duration.between(started, clock.instant()), Optional.ofNullable(latest.get()));
        synchronized (stderr) {
            stderr.print(ERASE_LINE + line);
            stderr.flush();
        }
    }

    /** The text of the line, e.g. {@code meshprov: provisioning... 3s (S3 HeadObject b/k: 200)}. */
    static String line(String activity, Duration elapsed, Optional<String> step) {
        return "meshprov: " + activity + "... " + elapsed.toSeconds() + "s"
                + step.map(TerminalProgress::shortened).map(s -> " (" + s + ")").orElse("");
    }

    private static String shortened(String step) {
        return step.length() <= MAX_STEP_LENGTH ? step : "..." + step.substring(step.length() - MAX_STEP_LENGTH + 3);
    }

    private static void awaitQuietly(ScheduledExecutorService ticker) {
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
