package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;

/**
 * A file in a CDE resource, as the jobs API lists it.
 *
 * @param path its path in the resource
 * @param size its size in bytes
 * @param signature the content signature CDE reports (an MD5 hex digest), when it reports one
 */
public record ResourceFile(String path, long size, Optional<String> signature) {
    public ResourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(signature, "signature");
    }
}
