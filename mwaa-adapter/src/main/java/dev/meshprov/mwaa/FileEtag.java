package dev.meshprov.mwaa;

import dev.meshprov.core.mwaa.ContentHash;
import dev.meshprov.core.mwaa.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ETag of a file of the folder store: the SHA-256 of its content, which is also its origin; there are no
 * versions.
 */
final class FileEtag {

    private FileEtag() {}

    /** The object {@code content} is stored as. */
    static StoredObject of(byte[] content) {
        String hash = ContentHash.sha256Hex(content);
        return new StoredObject(hash, Optional.empty(), Optional.of(hash));
    }

    /** Reads and hashes the whole file. */
    static StoredObject read(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }
}
