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
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
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
    private final String where;

    S3DagStore(S3Client client, Redactor redactor) {
        this(client, redactor, "");
    }

    /** A store whose failures to connect say {@code where} S3 was looked for. */
    S3DagStore(S3Client client, Redactor redactor, String where) {
        this.client = client;
        this.failures = new S3Failures(redactor, where);
        this.where = where;
    }

    @Override
    public String describe() {
        return where.isEmpty() ? "S3" : "S3 " + where;
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
        String operation = "HeadObject " + location(ref);
        return headObject(operation, ref)
                .flatMap(found -> found.isEmpty()
                        ? Either.right(Optional.empty())
                        : etag(operation, found.get().eTag())
                                .map(etag -> Optional.of(new StoredObject(
                                        etag,
                                        version(found.get().versionId()),
                                        Optional.ofNullable(
                                                found.get().metadata().get(ORIGIN))))));
    }

    /**
     * {@link #head} itself (a HeadObject has no body to spare): an answer without an ETag (a proxy's page) is
     * malformed there, not a sign that the object exists.
     */
    @Override
    public Either<UpstreamFailure, Boolean> exists(ObjectRef ref) {
        return head(ref).map(Optional::isPresent);
    }

    /** A HeadObject: 404 is empty; every other failure (403, an outage, no credentials) is a failure. */
    private Either<UpstreamFailure, Optional<HeadObjectResponse>> headObject(String operation, ObjectRef ref) {
        try {
            return Either.right(
                    Optional.of(client.headObject(b -> b.bucket(ref.bucket()).key(ref.key()))));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Either.right(Optional.empty());
            }
            return Either.left(failures.translate(operation, e));
        } catch (SdkException e) {
            return Either.left(failures.translate(operation, e));
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
            String etag = response.copyObjectResult() == null
                    ? null
                    : response.copyObjectResult().eTag();
            return etag(operation, etag)
                    .map(copied -> new StoredObject(
                            copied, version(response.versionId()), Optional.of(expectedSource.etag())));
        });
    }

    @Override
    public Either<UpstreamFailure, StoredObject> put(ObjectRef target, byte[] content, String contentType) {
        String origin = ContentHash.sha256Hex(content);
        String operation = "PutObject " + location(target);
        return call(operation, () -> {
            PutObjectResponse response = client.putObject(
                    b -> b.bucket(target.bucket())
                            .key(target.key())
                            .contentType(contentType)
                            .metadata(Map.of(ORIGIN, origin)),
                    RequestBody.fromBytes(content));
            return etag(operation, response.eTag())
                    .map(etag -> new StoredObject(etag, version(response.versionId()), Optional.of(origin)));
        });
    }

    @Override
    public Either<UpstreamFailure, ObjectRef> delete(ObjectRef ref) {
        return call("DeleteObject " + location(ref), () -> {
            client.deleteObject(b -> b.bucket(ref.bucket()).key(ref.key()));
            return Either.right(ref);
        });
    }

    @Override
    public Either<UpstreamFailure, List<String>> list(String bucket, String prefix) {
        String operation = "ListObjectsV2 s3://" + bucket + "/" + prefix;
        return call(operation, () -> {
            List<String> keys = new ArrayList<>();
            String previousToken = null;
            for (ListObjectsV2Response page :
                    client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
                Optional<String> wrong = unexpected(page, previousToken);
                if (wrong.isPresent()) {
                    return Either.left(failures.malformed(operation, wrong.get()));
                }
                page.contents().stream().map(S3Object::key).forEach(keys::add);
                previousToken = page.nextContinuationToken();
            }
            keys.sort(null);
            return Either.right(List.copyOf(keys));
        });
    }

    /**
     * What is wrong with a page of a listing, if anything: not a {@code ListBucketResult} (S3 always names the
     * bucket), an entry without a key, or the continuation token of the page before (which would page forever).
     */
    private static Optional<String> unexpected(ListObjectsV2Response page, String previousToken) {
        if (page.name() == null) {
            return Optional.of("the answer is not a ListBucketResult");
        }
        if (page.contents().stream().anyMatch(object -> object.key() == null)) {
            return Optional.of("the answer lists an object without a key");
        }
        if (previousToken != null && previousToken.equals(page.nextContinuationToken())) {
            return Optional.of("the answer repeats the continuation token " + previousToken);
        }
        return Optional.empty();
    }

    @Override
    public Readiness readiness(Set<String> buckets) {
        List<String> failed = new ArrayList<>();
        for (String bucket : buckets) {
            try {
                Either<UpstreamFailure, String> answer = call("HeadBucket s3://" + bucket, () -> {
                    client.headBucket(b -> b.bucket(bucket));
                    return Either.right(bucket);
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

    private <T> Either<UpstreamFailure, T> call(String operation, Supplier<Either<UpstreamFailure, T>> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            return Either.left(failures.translate(operation, e));
        }
    }

    /** The ETag of an answer without its quotes; S3 sends one with every object, so its absence is malformed. */
    private Either<UpstreamFailure, String> etag(String operation, String etag) {
        if (etag == null || etag.isBlank()) {
            return Either.left(failures.malformed(operation, "the answer carries no ETag"));
        }
        return Either.right(
                etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                        ? etag.substring(1, etag.length() - 1)
                        : etag);
    }

    private static Optional<String> version(String versionId) {
        return versionId == null || versionId.isEmpty() || versionId.equals("null")
                ? Optional.empty()
                : Optional.of(versionId);
    }
}
