package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Readiness;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An in-memory {@link DagStore} for tests: keeps every version of every object, records every call as
 * {@code Operation bucket/key}, and fails calls on demand. Its ETag is a content fingerprint different from
 * {@link ContentHash#sha256Hex}, so that tests catch code comparing ETags where origins are meant.
 */
public final class InMemoryDagStore implements DagStore {

    private final boolean distinguishesBuckets;
    private final boolean versioned;
    private final Map<ObjectRef, List<Version>> objects = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Failing> failing = new ArrayList<>();
    private int nextVersion = 1;

    private InMemoryDagStore(boolean distinguishesBuckets, boolean versioned) {
        this.distinguishesBuckets = distinguishesBuckets;
        this.versioned = versioned;
    }

    /** A store like S3: buckets matter, no versions. */
    public static InMemoryDagStore withBuckets() {
        return new InMemoryDagStore(true, false);
    }

    /** A store like a versioned S3 bucket. */
    public static InMemoryDagStore versioned() {
        return new InMemoryDagStore(true, true);
    }

    /** A store like a folder: buckets are ignored. */
    public static InMemoryDagStore withoutBuckets() {
        return new InMemoryDagStore(false, false);
    }

    /** Makes every later call whose {@code Operation bucket/key} text matches fail with {@code failure}. */
    public synchronized InMemoryDagStore failWhen(Predicate<String> call, UpstreamFailure failure) {
        failing.add(new Failing(call, failure));
        return this;
    }

    /** Every call so far, as {@code Operation bucket/key}. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /**
     * The number of calls of one operation ({@code Head}, {@code Exists}, {@code Copy}, {@code Put}, {@code Delete},
     * {@code List}). {@code Head} stands for reading the content: a folder store hashes the file to answer it.
     */
    public synchronized long count(String operation) {
        return calls.stream().filter(call -> call.startsWith(operation + " ")).count();
    }

    /** Stores {@code content} as a test would upload it (not recorded as a call). */
    public synchronized StoredObject seed(ObjectRef ref, String content) {
        return write(ref, content.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    /** The current content of an object, for assertions. */
    public synchronized Optional<String> content(ObjectRef ref) {
        return latest(ref).map(version -> new String(version.content, StandardCharsets.UTF_8));
    }

    @Override
    public String system() {
        return "memory";
    }

    @Override
    public boolean distinguishesBuckets() {
        return distinguishesBuckets;
    }

    @Override
    public String location(ObjectRef ref) {
        return "mem://" + normalised(ref);
    }

    @Override
    public synchronized Either<UpstreamFailure, Optional<StoredObject>> head(ObjectRef ref) {
        return call("Head", ref)
                .<Either<UpstreamFailure, Optional<StoredObject>>>map(Either::left)
                .orElseGet(() -> Either.right(latest(ref).map(Version::stored)));
    }

    @Override
    public synchronized Either<UpstreamFailure, Boolean> exists(ObjectRef ref) {
        return call("Exists", ref)
                .<Either<UpstreamFailure, Boolean>>map(Either::left)
                .orElseGet(() -> Either.right(latest(ref).isPresent()));
    }

    @Override
    public synchronized Either<UpstreamFailure, StoredObject> copy(
            ObjectRef source, StoredObject expectedSource, ObjectRef target) {
        Optional<UpstreamFailure> failure = call("Copy", target);
        if (failure.isPresent()) {
            return Either.left(failure.get());
        }
        List<Version> history = objects.getOrDefault(normalised(source), List.of());
        if (history.isEmpty()) {
            return Either.left(new UpstreamFailure.NotFound(system(), "Copy " + source, "no such object"));
        }
        Version from = expectedSource.versionId().isPresent()
                ? history.stream()
                        .filter(v -> v.versionId.equals(expectedSource.versionId()))
                        .findFirst()
                        .orElse(null)
                : history.get(history.size() - 1);
        if (from == null || !from.etag.equals(expectedSource.etag())) {
            return Either.left(new UpstreamFailure.Conflict(system(), "Copy " + source, "the source changed"));
        }
        return Either.right(write(target, from.content, Optional.of(from.etag)));
    }

    @Override
    public synchronized Either<UpstreamFailure, StoredObject> put(
            ObjectRef target, byte[] content, String contentType) {
        return call("Put", target)
                .<Either<UpstreamFailure, StoredObject>>map(Either::left)
                .orElseGet(() -> Either.right(write(target, content, Optional.of(ContentHash.sha256Hex(content)))));
    }

    @Override
    public synchronized Either<UpstreamFailure, ObjectRef> delete(ObjectRef ref) {
        Optional<UpstreamFailure> failure = call("Delete", ref);
        if (failure.isPresent()) {
            return Either.left(failure.get());
        }
        objects.remove(normalised(ref));
        return Either.right(ref);
    }

    @Override
    public synchronized Either<UpstreamFailure, List<String>> list(String bucket, String prefix) {
        Optional<UpstreamFailure> failure = call("List", new ObjectRef(bucket, prefix));
        if (failure.isPresent()) {
            return Either.left(failure.get());
        }
        String normalisedBucket = distinguishesBuckets ? bucket : "";
        TreeSet<String> keys = new TreeSet<>();
        objects.keySet().stream()
                .filter(ref ->
                        ref.bucket().equals(normalisedBucket) && ref.key().startsWith(prefix))
                .forEach(ref -> keys.add(ref.key()));
        return Either.right(List.copyOf(keys));
    }

    @Override
    public synchronized Readiness readiness(Set<String> buckets) {
        Optional<UpstreamFailure> failure = call("Readiness", new ObjectRef("", String.join(",", buckets)));
        return failure.map(f -> Readiness.notReady(f.describe())).orElseGet(() -> Readiness.ready("in memory"));
    }

    private Optional<UpstreamFailure> call(String operation, ObjectRef ref) {
        String call = operation + " " + normalised(ref);
        calls.add(call);
        return failing.stream()
                .filter(f -> f.call.test(call))
                .map(Failing::failure)
                .findFirst();
    }

    private ObjectRef normalised(ObjectRef ref) {
        return distinguishesBuckets ? ref : new ObjectRef("", ref.key());
    }

    private Optional<Version> latest(ObjectRef ref) {
        List<Version> history = objects.getOrDefault(normalised(ref), List.of());
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    private StoredObject write(ObjectRef ref, byte[] content, Optional<String> origin) {
        String etag = ContentHash.sha256Hex(("etag:" + new String(content, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1))
                .substring(0, 32);
        Optional<String> versionId = versioned ? Optional.of("v" + nextVersion++) : Optional.empty();
        Version version = new Version(content.clone(), etag, versionId, origin);
        List<Version> history = objects.computeIfAbsent(normalised(ref), k -> new ArrayList<>());
        if (!versioned) {
            history.clear();
        }
        history.add(version);
        return version.stored();
    }

    private record Version(byte[] content, String etag, Optional<String> versionId, Optional<String> origin) {
        StoredObject stored() {
            return new StoredObject(etag, versionId, origin);
        }
    }

    private record Failing(Predicate<String> call, UpstreamFailure failure) {}
}
