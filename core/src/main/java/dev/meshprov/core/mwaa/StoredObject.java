package dev.meshprov.core.mwaa;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link DagStore} knows about one stored object.
 *
 * @param etag the store's fingerprint of the content (S3: the ETag without quotes; a folder: the SHA-256 of the
 *     content); equal content written the same way has the same ETag
 * @param versionId the version, on stores and buckets that keep versions
 * @param origin what the object was written from, when the store recorded it: for a {@link DagStore#copy copy},
 *     the source's ETag; for a {@link DagStore#put put}, {@link ContentHash#sha256Hex} of the content
 */
public record StoredObject(String etag, Optional<String> versionId, Optional<String> origin) {

    public StoredObject {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(origin, "origin");
    }

    /** The fingerprint the object was deployed from: its recorded origin, or else its own ETag. */
    public String deployedFrom() {
        return origin.orElse(etag);
    }

    /** The ETag and, when there is one, the version, for logs. */
    public String describe() {
        return "ETag " + etag + versionId.map(v -> ", version " + v).orElse("");
    }
}
