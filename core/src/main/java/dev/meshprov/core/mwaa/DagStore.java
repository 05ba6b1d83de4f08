package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Readiness;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where DAG files live: an S3 bucket of an MWAA environment, or a plain folder for self-managed Airflow. Every call
 * returns an {@link UpstreamFailure} instead of throwing; nothing vendor-specific crosses this port. Implementations
 * are thread-safe.
 */
public interface DagStore {

    /** The system named in failures and logs, e.g. {@code S3} or {@code filesystem}. */
    String system();

    /** Where DAGs live, for people, e.g. {@code the folder /srv/airflow}; never a secret. */
    default String describe() {
        return system();
    }

    /** Whether objects in different buckets are different objects (false: the bucket is ignored). */
    boolean distinguishesBuckets();

    /** Where an object is, for people: {@code s3://bucket/key} or an absolute path. */
    String location(ObjectRef ref);

    /** The object's ETag, version and origin; empty when it does not exist. */
    Either<UpstreamFailure, Optional<StoredObject>> head(ObjectRef ref);

    /**
     * Whether the object exists, without reading or hashing its content (a HEAD request, a file's attributes). An
     * absent object is {@code false}; a check that could not be made (an outage, refused or missing credentials, a
     * disk error, a key the store refuses) is a failure, never {@code false}.
     */
    Either<UpstreamFailure, Boolean> exists(ObjectRef ref);

    /**
     * Copies {@code source} to {@code target} as one atomic replacement, but only while the source is still
     * {@code expectedSource} (its ETag and, when present, its version: the copy is pinned to what was read). A source
     * that changed meanwhile is a {@link UpstreamFailure.Conflict}; a missing one a {@link UpstreamFailure.NotFound}.
     * The target then reports {@code expectedSource.etag()} as its {@link StoredObject#origin() origin}.
     */
    Either<UpstreamFailure, StoredObject> copy(ObjectRef source, StoredObject expectedSource, ObjectRef target);

    /**
     * Writes {@code content} to {@code target} as one atomic replacement. The target then reports
     * {@link ContentHash#sha256Hex ContentHash.sha256Hex(content)} as its {@link StoredObject#origin() origin}.
     */
    Either<UpstreamFailure, StoredObject> put(ObjectRef target, byte[] content, String contentType);

    /** Deletes the object; a missing object is fine. */
    Either<UpstreamFailure, ObjectRef> delete(ObjectRef ref);

    /** Every key in {@code bucket} that starts with {@code prefix} (at any depth), sorted. */
    Either<UpstreamFailure, List<String>> list(String bucket, String prefix);

    /** Whether the store and these buckets are reachable and usable now; never throws. */
    Readiness readiness(Set<String> buckets);
}
