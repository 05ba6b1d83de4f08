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
 */
public record TechnologyContext(Clock clock, Redactor redactor, Path workingDirectory) {
    public TechnologyContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }
}
