package dev.meshprov.core.cde;

import java.util.Objects;

/**
 * An artifact found in the artifact store.
 *
 * @param uri where it is
 * @param size its size in bytes
 * @param etag its entity tag (for single-part uploads, the MD5 hex digest of the content), without quotes
 */
public record ArtifactObject(ArtifactUri uri, long size, String etag) {
    public ArtifactObject {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(etag, "etag");
    }

    /** Whether the ETag is a plain MD5 digest (it is not for multipart uploads). */
    public boolean etagIsMd5() {
        return etag.matches("[0-9a-fA-F]{32}");
    }
}
