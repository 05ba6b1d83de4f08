package dev.meshprov.core.cde;

import java.util.Objects;

/**
 * An artifact named by the descriptor, with where it was named and what it is, for problems about it.
 *
 * @param field the dot path of the field that names it
 * @param uri the artifact
 * @param role what it is for people, e.g. {@code Job Source application file}
 */
record ArtifactField(String field, ArtifactUri uri, String role) {
    ArtifactField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(role, "role");
    }
}
