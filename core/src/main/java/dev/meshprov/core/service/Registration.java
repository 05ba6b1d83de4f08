package dev.meshprov.core.service;

import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyDescriptor;
import java.util.Objects;
import java.util.Optional;

/**
 * A technology known to this process: enabled (with its {@link Technology}) or disabled (so that requests for it
 * get a 400 saying how to enable it).
 *
 * @param descriptor what the technology is
 * @param technology the running technology when enabled
 * @param mode sync or async
 */
public record Registration(TechnologyDescriptor descriptor, Optional<Technology<?>> technology, ExecutionMode mode) {
    public Registration {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(mode, "mode");
    }

    public static Registration enabled(TechnologyDescriptor descriptor, Technology<?> technology, ExecutionMode mode) {
        return new Registration(descriptor, Optional.of(technology), mode);
    }

    public static Registration disabled(TechnologyDescriptor descriptor) {
        return new Registration(descriptor, Optional.empty(), descriptor.defaultMode());
    }

    public String name() {
        return descriptor.name();
    }

    public boolean isEnabled() {
        return technology.isPresent();
    }
}
