package dev.meshprov.core.cde;

import java.util.Objects;

/**
 * A file the job needs in one of its resources, and the artifact it comes from.
 *
 * @param resource the resource
 * @param name the file name in the resource
 * @param source the artifact, with its size and ETag
 */
record DesiredFile(String resource, String name, ArtifactObject source) {
    DesiredFile {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** {@code resource/name}, for plans and logs. */
    String path() {
        return resource + "/" + name;
    }
}
