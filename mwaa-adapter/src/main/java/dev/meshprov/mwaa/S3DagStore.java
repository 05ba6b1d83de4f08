package dev.meshprov.mwaa;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.ContentHash;
import dev.meshprov.core.mwaa.DagStore;
import dev.meshprov.core.mwaa.ObjectRef;
import dev.meshprov.core.mwaa.StoredObject;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.secret.Redactor;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The {@link DagStore} on S3: HeadObject, CopyObject (server-side, pinned to the ETag and version read, recording
 * the source's ETag as user metadata), PutObject, DeleteObject, ListObjectsV2 and HeadBucket.
 */
final class S3DagStore implements DagStore {

    /** The user metadata key (header {@code x-amz-meta-meshprov-origin}) holding what an object was written from. */
    static final String ORIGIN = "meshprov-origin";

    private static final String PYTHON = "text/x-python";

    private final S3Client client;
    private final S3Failures failures;

    S3DagStore(S3Client client, Redactor redactor) {
        this.client = client;
        this.failures = new S3Failures(redactor);
    }

    @Override
    public String system() {
        return S3Failures.SYSTEM;
    }

    @Override
    public boolean distinguishesBuckets() {
        return true;
    }

    @Override
    public String location(ObjectRef ref) {
        return "s3://" + ref.bucket() + "/" + ref.key();
    }

    @Override
    public Either<UpstreamFailure, Optional<StoredObject>> head(ObjectRef ref) {
        try {
            HeadObjectResponse response =
                    client.headObject(b -> b.bucket(ref.bucket()).key(ref.key()));
            return Either.right(Optional.of(new StoredObject(
                    unquoted(response.eTag()),
                    version(response.versionId()),
                    Optional.ofNullable(response.metadata().get(ORIGIN)))));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Either.right(Optional.empty());
            }
            return Either.left(failures.translate("HeadObject " + location(ref), e));
        } catch (SdkException e) {
            return Either.left(failures.translate("HeadObject " + location(ref), e));
        }
    }

    @Override
    public Either<UpstreamFailure, StoredObject> copy(ObjectRef source, StoredObject expectedSource, ObjectRef target) {
        String operation = "CopyObject " + location(source) + " to " + location(target);
        return call(operation, () -> {
            CopyObjectResponse response = client.copyObject(b -> b.sourceBucket(source.bucket())
                    .sourceKey(source.key())
                    .sourceVersionId(expectedSource.versionId().orElse(null))
                    .copySourceIfMatch("\"" + expectedSource.etag() + "\"")
                    .destinationBucket(target.bucket())
                    .destinationKey(target.key())
                    .metadataDirective(MetadataDirective.REPLACE)
                    .metadata(Map.of(ORIGIN, expectedSource.etag()))
                    .contentType(target.key().endsWith(".py") ? PYTHON : "application/octet-stream"));
            return new StoredObject(
                    unquoted(response.copyObjectResult().eTag()),
                    version(response.versionId()),
                    Optional.of(expectedSource.etag()));
        });
    }

    @Override
    public Either<UpstreamFailure, StoredObject> put(ObjectRef target, byte[] content, String contentType) {
        String origin = ContentHash.sha256Hex(content);
        return call("PutObject " + location(target), () -> {
            PutObjectResponse response = client.putObject(
                    b -> b.bucket(target.bucket())
                            .key(target.key())
                            .contentType(contentType)
                            .metadata(Map.of(ORIGIN, origin)),
                    RequestBody.fromBytes(content));
            return new StoredObject(unquoted(response.eTag()), version(response.versionId()), Optional.of(origin));
        });
    }

    @Override
    public Either<UpstreamFailure, ObjectRef> delete(ObjectRef ref) {
        return call("DeleteObject " + location(ref), () -> {
            client.deleteObject(b -> b.bucket(ref.bucket()).key(ref.key()));
            return ref;
        });
    }

    @Override
    public Either<UpstreamFailure, List<String>> list(String bucket, String prefix) {
        return call("ListObjectsV2 s3://" + bucket + "/" + prefix, () -> {
            List<String> keys = new ArrayList<>();
            client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    .forEach(keys::add);
            keys.sort(null);
            return List.copyOf(keys);
        });
    }

    @Override
    public Readiness readiness(Set<String> buckets) {
        List<String> failed = new ArrayList<>();
        for (String bucket : buckets) {
            try {
                Either<UpstreamFailure, String> answer = call("HeadBucket s3://" + bucket, () -> {
                    client.headBucket(b -> b.bucket(bucket));
                    return bucket;
                });
                answer.orElseRun(failure -> failed.add(failure.describe()));
            } catch (RuntimeException e) {
                failed.add(
                        "HeadBucket s3://" + bucket + " failed: " + e.getClass().getSimpleName());
            }
        }
        if (!failed.isEmpty()) {
            return Readiness.notReady(String.join("; ", failed));
        }
        return Readiness.ready("S3 buckets answer HeadBucket: " + String.join(", ", new java.util.TreeSet<>(buckets)));
    }

    private <T> Either<UpstreamFailure, T> call(String operation, Supplier<T> call) {
        try {
            return Either.right(call.get());
        } catch (SdkException e) {
            return Either.left(failures.translate(operation, e));
        }
    }

    private static String unquoted(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1)
                : etag;
    }

    private static Optional<String> version(String versionId) {
        return versionId == null || versionId.isEmpty() || versionId.equals("null")
                ? Optional.empty()
                : Optional.of(versionId);
    }
}
