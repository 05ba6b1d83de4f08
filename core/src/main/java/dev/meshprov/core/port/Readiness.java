package dev.meshprov.core.port;

import java.util.Objects;

/**
 * Whether a technology can reach what it needs right now.
 *
 * @param ready whether it is reachable
 * @param detail what was checked, or why it failed (never a secret)
 */
public record Readiness(boolean ready, String detail) {
    public Readiness {
        Objects.requireNonNull(detail, "detail");
    }

    public static Readiness ready(String detail) {
        return new Readiness(true, detail);
    }

    public static Readiness notReady(String detail) {
        return new Readiness(false, detail);
    }
}
