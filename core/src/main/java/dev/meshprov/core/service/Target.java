package dev.meshprov.core.service;

import java.util.Objects;
import java.util.Optional;

/**
 * Which technology a request is addressed to: chosen by the routing table ({@link #auto()}), or fixed by the
 * endpoint it was sent to (e.g. {@code /mwaa/v1/provision}).
 *
 * @param technology the fixed technology's name, if any
 */
public record Target(Optional<String> technology) {
    public Target {
        Objects.requireNonNull(technology, "technology");
    }

    public static Target auto() {
        return new Target(Optional.empty());
    }

    public static Target technology(String name) {
        return new Target(Optional.of(name));
    }
}
