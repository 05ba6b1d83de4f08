package dev.meshprov.core.mwaa;

import java.util.Objects;

/**
 * An object in a {@link DagStore}: a bucket and a key ({@code /}-separated, relative).
 *
 * @param bucket the bucket; a store that does not distinguish buckets ignores it
 * @param key the key
 */
public record ObjectRef(String bucket, String key) {
    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return bucket.isEmpty() ? key : bucket + "/" + key;
    }
}
