package dev.meshprov.core.cde;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource as the jobs API reports it.
 *
 * @param name the resource name
 * @param type its type as reported (e.g. {@code files}, {@code python-env}, {@code custom-runtime-image})
 * @param pythonEnv its Python settings, for python-env resources
 * @param files the files it holds
 */
public record CdeResource(String name, String type, Optional<PythonEnvSettings> pythonEnv, List<ResourceFile> files) {
    public CdeResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pythonEnv, "pythonEnv");
        files = List.copyOf(files);
    }

    /** The file at {@code path}, if the resource holds it. */
    public Optional<ResourceFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }
}
