package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;

/**
 * A resource to create (always with retention {@code keep_indefinitely}).
 *
 * @param name the resource name
 * @param type files or python-env
 * @param pythonEnv the Python environment settings; present exactly for python-env resources
 */
public record ResourceDefinition(String name, ResourceType type, Optional<PythonEnvSettings> pythonEnv) {
    public ResourceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pythonEnv, "pythonEnv");
        if (pythonEnv.isPresent() != (type == ResourceType.PYTHON_ENV)) {
            throw new IllegalArgumentException("Python settings belong to python-env resources only: " + name);
        }
    }

    public static ResourceDefinition files(String name) {
        return new ResourceDefinition(name, ResourceType.FILES, Optional.empty());
    }

    public static ResourceDefinition pythonEnv(String name, PythonEnvSettings settings) {
        return new ResourceDefinition(name, ResourceType.PYTHON_ENV, Optional.of(settings));
    }
}
