package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.cde.testing.Md5;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every {@link ArtifactStore} does, run against the in-memory fake and the S3 adapter. */
public abstract class ArtifactStoreContract {

    /** The store under test. */
    protected abstract ArtifactStore store();

    /** Makes an object with {@code content} exist under a key ending with {@code name}; returns its URI. */
    protected abstract ArtifactUri givenObject(String name, byte[] content);

    /** Makes an object uploaded in these parts (a multipart upload) exist under a key ending with {@code name}. */
    protected abstract ArtifactUri givenObjectInParts(String name, byte[]... parts);

    /** A URI of a bucket the store can read, with no object at the key. */
    protected abstract ArtifactUri missingObject();

    @Test
    public void head_reports_size_and_md5_etag() {
        byte[] content = "print('hello')\n".getBytes(StandardCharsets.UTF_8);
        ArtifactUri uri = givenObject("head.py", content);

        ArtifactObject object = store().head(uri).get().orElseThrow();

        assertThat(object.uri()).isEqualTo(uri);
        assertThat(object.size()).isEqualTo(content.length);
        assertThat(object.etag()).isEqualToIgnoringCase(Md5.hex(content));
        assertThat(object.etagIsMd5()).isTrue();
    }

    @Test
    public void an_object_uploaded_in_parts_has_its_whole_size_and_an_etag_that_is_not_an_md5() {
        byte[] first = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(first, (byte) 'a');
        byte[] second = "the rest".getBytes(StandardCharsets.UTF_8);
        ArtifactUri uri = givenObjectInParts("parts.jar", first, second);

        ArtifactObject object = store().head(uri).get().orElseThrow();

        assertThat(object.size()).isEqualTo(first.length + second.length);
        assertThat(object.etagIsMd5()).isFalse();
        assertThat(object.etag()).endsWith("-2");
    }

    @Test
    public void head_of_a_missing_object_is_empty() {
        assertThat(store().head(missingObject()).get()).isEmpty();
    }

    @Test
    public void read_streams_the_content_with_its_length() {
        byte[] content = "some jar bytes".getBytes(StandardCharsets.UTF_8);
        ArtifactUri uri = givenObject("read.jar", content);

        Either<UpstreamFailure, String> read = store().read(uri, (in, length) -> {
            try {
                byte[] bytes = in.readAllBytes();
                return Either.right(length + ":" + new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(read.get()).isEqualTo(content.length + ":some jar bytes");
    }

    @Test
    public void read_of_a_missing_object_is_not_found() {
        Either<UpstreamFailure, String> read = store().read(missingObject(), (in, length) -> Either.right("read"));

        assertThat(read.getLeft()).isInstanceOf(UpstreamFailure.NotFound.class);
    }

    @Test
    public void the_readers_failure_is_returned_as_is() {
        ArtifactUri uri = givenObject("fails.jar", new byte[] {1, 2, 3});
        UpstreamFailure failure = new UpstreamFailure.Unavailable("CDE", "PUT /resources/r/f", "503");

        Either<UpstreamFailure, String> read = store().read(uri, (in, length) -> Either.left(failure));

        assertThat(read.getLeft()).isEqualTo(failure);
    }
}
