package dev.meshprov.core.airbyte;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One place where a configuration breaks a connector's published rules. Never carries the offending value, which may
 * be a secret.
 *
 * @param path the keys from the configuration's root to the offending field (empty for the configuration itself)
 * @param message what is wrong, e.g. {@code does not have a value in the enumeration [csv, json]}
 * @param hint what the rules allow there, when they say (e.g. the allowed values or the expected form)
 */
public record SpecViolation(List<String> path, String message, Optional<String> hint) {
    public SpecViolation {
        path = List.copyOf(path);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }
}
