package dev.meshprov.core.port;

import dev.meshprov.core.secret.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the composition root hands every technology when creating it.
 *
 * @param clock the time source (never {@code Instant.now()} in the core)
 * @param redactor masks known secrets in any text that may leave the process
 * @param workingDirectory the directory relative paths of the configuration are resolved against
 * @param observer told about every upstream call attempt (logging, metrics)
 */
public record TechnologyContext(Clock clock, Redactor redactor, Path workingDirectory, UpstreamObserver observer) {
    public TechnologyContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(observer, "observer");
    }

    /** A context for tests and simple embedding: the given clock, a fresh redactor, no observer. */
    public static TechnologyContext of(Clock clock, Path workingDirectory) {
        return new TechnologyContext(clock, new Redactor(), workingDirectory, UpstreamObserver.none());
    }
}
