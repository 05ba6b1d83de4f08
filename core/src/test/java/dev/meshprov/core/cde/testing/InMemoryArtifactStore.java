package dev.meshprov.core.cde.testing;

import dev.meshprov.core.cde.ArtifactObject;
import dev.meshprov.core.cde.ArtifactStore;
import dev.meshprov.core.cde.ArtifactUri;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** S3 in memory: objects by URI (bucket and key), ETags as MD5 hex, with failure injection and a read counter. */
public final class InMemoryArtifactStore implements ArtifactStore {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile UpstreamFailure failure;

    /** Stores {@code content} at {@code uri} ({@code s3://bucket/key}) and returns the parsed URI. */
    public ArtifactUri put(String uri, String content) {
        return put(uri, content.getBytes(StandardCharsets.UTF_8));
    }

    public ArtifactUri put(String uri, byte[] content) {
        ArtifactUri parsed = ArtifactUri.parse(uri).orElseThrow();
        objects.put(key(parsed), content.clone());
        etags.put(key(parsed), Md5.hex(content));
        return parsed;
    }

    /**
     * Stores the parts as one object uploaded in parts: its ETag is S3's multipart ETag (the MD5 of the parts' MD5s,
     * {@code -} and the part count), which is not an MD5 of the content.
     */
    public ArtifactUri putInParts(String uri, byte[]... parts) {
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream digests = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
            digests.writeBytes(Md5.digest().digest(part));
        }
        ArtifactUri parsed = put(uri, content.toByteArray());
        etags.put(key(parsed), Md5.hex(digests.toByteArray()) + "-" + parts.length);
        return parsed;
    }

    public void remove(String uri) {
        objects.remove(key(ArtifactUri.parse(uri).orElseThrow()));
        etags.remove(key(ArtifactUri.parse(uri).orElseThrow()));
    }

    /** Makes every call fail with {@code failure} ({@code null} to stop). */
    public void failWith(UpstreamFailure failure) {
        this.failure = failure;
    }

    /** How many times content was read. */
    public int reads() {
        return reads.get();
    }

    @Override
    public Either<UpstreamFailure, Optional<ArtifactObject>> head(ArtifactUri uri) {
        if (failure != null) {
            return Either.left(failure);
        }
        byte[] content = objects.get(key(uri));
        return Either.right(Optional.ofNullable(content)
                .map(bytes -> new ArtifactObject(uri, bytes.length, etags.getOrDefault(key(uri), Md5.hex(bytes)))));
    }

    @Override
    public <T> Either<UpstreamFailure, T> read(ArtifactUri uri, ContentReader<T> reader) {
        if (failure != null) {
            return Either.left(failure);
        }
        byte[] content = objects.get(key(uri));
        if (content == null) {
            return Either.left(new UpstreamFailure.NotFound("S3", "GetObject " + uri, "no such key"));
        }
        reads.incrementAndGet();
        try (InputStream in = new ByteArrayInputStream(content)) {
            return reader.read(in, content.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(ArtifactUri uri) {
        return uri.bucket() + "/" + uri.key();
    }
}
