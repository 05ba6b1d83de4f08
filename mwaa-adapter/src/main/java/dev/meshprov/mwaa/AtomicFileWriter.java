package dev.meshprov.mwaa;

import dev.meshprov.core.model.UpstreamFailure;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file of the folder store as one atomic replacement: the content goes to a temporary file in the target's
 * folder, which is moved over the target, so Airflow never reads a half-written DAG.
 */
final class AtomicFileWriter {

    /** Suffix of the temporary files of atomic writes; listings and existence checks skip them. */
    static final String TEMP_SUFFIX = ".meshprov-tmp";

    /** Writes the content of a temporary file; a seam for tests. */
    @FunctionalInterface
    interface ContentWriter {
        void write(Path file, byte[] content) throws IOException;
    }

    private final RootedPaths paths;
    private final ContentWriter writer;

    AtomicFileWriter(RootedPaths paths, ContentWriter writer) {
        this.paths = paths;
        this.writer = writer;
    }

    /** Whether a file name is that of a temporary file of a write in progress. */
    static boolean isTemporary(Path file) {
        return file.getFileName().toString().endsWith(TEMP_SUFFIX);
    }

    void write(Path target, byte[] content) throws IOException, StoreRefusal {
        paths.requireInsideRoot(target);
        Files.createDirectories(target.getParent());
        paths.requireInsideRoot(target.getParent());
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreRefusal(new UpstreamFailure.Conflict(
                    FileSystemDagStore.SYSTEM, "write " + target, "it is a folder, not a file"));
        }
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            writer.write(temp, content);
            readableByAirflow(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files are created owner-only; a DAG must be readable by the Airflow user too. */
    private static void readableByAirflow(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
