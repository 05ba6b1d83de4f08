package dev.meshprov.core.service;

import dev.meshprov.core.port.ExecutionMode;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run one call of the facade.
 *
 * @param mode forces sync or async; by default the technology's configured mode applies
 * @param componentId picks the component when the descriptor has no {@code componentIdToProvision} (CLI)
 */
public record CallOptions(Optional<ExecutionMode> mode, Optional<String> componentId) {
    public CallOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(componentId, "componentId");
    }

    /** The technology's mode, the descriptor's component. */
    public static CallOptions defaults() {
        return new CallOptions(Optional.empty(), Optional.empty());
    }

    /** Run to the end before answering, whatever the technology's mode (the CLI). */
    public static CallOptions sync() {
        return new CallOptions(Optional.of(ExecutionMode.SYNC), Optional.empty());
    }

    public CallOptions withComponent(Optional<String> id) {
        return new CallOptions(mode, id);
    }
}
