package dev.meshprov.core.cde;

import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.io.InputStream;
import java.util.Optional;

/** Where job artifacts are read from (S3). Content is streamed, never loaded whole. */
public interface ArtifactStore {

    /** The artifact's size and ETag; empty when there is no such object. */
    Either<UpstreamFailure, Optional<ArtifactObject>> head(ArtifactUri uri);

    /**
     * Opens the artifact and hands its content to {@code reader}, closing it afterwards. A missing object is a
     * {@link UpstreamFailure.NotFound}; the reader's own failure is returned as is.
     */
    <T> Either<UpstreamFailure, T> read(ArtifactUri uri, ContentReader<T> reader);

    /** Consumes the content of one artifact. */
    @FunctionalInterface
    interface ContentReader<T> {
        /** Reads {@code length} bytes from {@code content} (which the store closes). */
        Either<UpstreamFailure, T> read(InputStream content, long length);
    }
}
