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
 * @param files the files it holds, as far as the answer listed them
 * @param filesListed whether the answer listed the files at all: {@code false} when it left out {@code files[]} or
 *     listed entries meshprov could not read, so that {@link #files()} says nothing about what the resource holds
 */
public record CdeResource(
        String name,
        String type,
        Optional<PythonEnvSettings> pythonEnv,
        List<ResourceFile> files,
        boolean filesListed) {

    public CdeResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pythonEnv, "pythonEnv");
        files = List.copyOf(files);
    }

    /** A resource whose files were listed. */
    public CdeResource(String name, String type, Optional<PythonEnvSettings> pythonEnv, List<ResourceFile> files) {
        this(name, type, pythonEnv, files, true);
    }

    /** The file at {@code path}, if the resource is known to hold it. */
    public Optional<ResourceFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }
}
