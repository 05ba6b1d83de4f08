package dev.meshprov.mwaa;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.DagStore;
import dev.meshprov.core.mwaa.ObjectRef;
import dev.meshprov.core.mwaa.StoredObject;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.UpstreamObserver;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link DagStore} on a local folder, for self-managed Airflow whose DAG folder is a plain directory. Keys are
 * paths under the root (buckets are ignored, or are sub-folders with {@code bucketFolders}); a key that would leave
 * the root, through {@code ..} or a symbolic link, is refused ({@link RootedPaths}). Writes are atomic
 * ({@link AtomicFileWriter}), so Airflow never reads a half-written DAG. The ETag is the SHA-256 of the content
 * ({@link FileEtag}); there are no versions.
 */
final class FileSystemDagStore implements DagStore {

    static final String SYSTEM = "filesystem";

    /** Suffix of the temporary files of atomic writes; listings skip them. */
    static final String TEMP_SUFFIX = AtomicFileWriter.TEMP_SUFFIX;

    private final RootedPaths paths;
    private final AtomicFileWriter writer;
    private final FolderListing listing;
    private final FileSystemCalls calls;

    FileSystemDagStore(Path root, boolean bucketFolders, UpstreamObserver observer) {
        this(root, bucketFolders, observer, Files::write);
    }

    FileSystemDagStore(
            Path root, boolean bucketFolders, UpstreamObserver observer, AtomicFileWriter.ContentWriter writer) {
        this.paths = new RootedPaths(root, bucketFolders);
        this.writer = new AtomicFileWriter(paths, writer);
        this.listing = new FolderListing(paths);
        this.calls = new FileSystemCalls(paths, observer);
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public String describe() {
        return "the folder " + paths.root() + (paths.bucketFolders() ? " (a sub-folder per bucket)" : "");
    }

    @Override
    public boolean distinguishesBuckets() {
        return paths.bucketFolders();
    }

    @Override
    public String location(ObjectRef ref) {
        return paths.location(ref);
    }

    @Override
    public Either<UpstreamFailure, Optional<StoredObject>> head(ObjectRef ref) {
        return calls.run("read", ref, () -> {
            Path path = paths.resolve(ref);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            paths.requireInsideRoot(path);
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            return Optional.of(FileEtag.read(path));
        });
    }

    /** Like {@link #head}, from the file's attributes only; a temporary file of a write in progress is absent. */
    @Override
    public Either<UpstreamFailure, Boolean> exists(ObjectRef ref) {
        return calls.run("exists", ref, () -> {
            Path path = paths.resolve(ref);
            if (AtomicFileWriter.isTemporary(path) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            paths.requireInsideRoot(path);
            return Files.isRegularFile(path);
        });
    }

    @Override
    public Either<UpstreamFailure, StoredObject> copy(ObjectRef source, StoredObject expectedSource, ObjectRef target) {
        return calls.run("copy", target, () -> {
            Path from = paths.resolve(source);
            Path to = paths.resolve(target);
            if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(from)) {
                throw new StoreRefusal(new UpstreamFailure.NotFound(
                        SYSTEM, "copy " + location(source), "the source file does not exist"));
            }
            paths.requireInsideRoot(from);
            byte[] content = Files.readAllBytes(from);
            StoredObject read = FileEtag.of(content);
            if (!read.etag().equals(expectedSource.etag())) {
                throw new StoreRefusal(new UpstreamFailure.Conflict(
                        SYSTEM,
                        "copy " + location(source),
                        "the source file changed since it was read (SHA-256 " + read.etag() + ", expected "
                                + expectedSource.etag() + "); run again"));
            }
            writer.write(to, content);
            return read;
        });
    }

    @Override
    public Either<UpstreamFailure, StoredObject> put(ObjectRef target, byte[] content, String contentType) {
        return calls.run("write", target, () -> {
            writer.write(paths.resolve(target), content);
            return FileEtag.of(content);
        });
    }

    @Override
    public Either<UpstreamFailure, ObjectRef> delete(ObjectRef ref) {
        return calls.run("delete", ref, () -> {
            Path path = paths.resolve(ref);
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                paths.requireInsideRoot(path.getParent());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    throw new StoreRefusal(new UpstreamFailure.Conflict(
                            SYSTEM, "delete " + location(ref), "it is a folder, not a file"));
                }
                Files.deleteIfExists(path);
            }
            return ref;
        });
    }

    @Override
    public Either<UpstreamFailure, List<String>> list(String bucket, String prefix) {
        return calls.run("list", new ObjectRef(bucket, prefix), () -> listing.list(bucket, prefix));
    }

    @Override
    public Readiness readiness(Set<String> buckets) {
        Path root = paths.root();
        if (!Files.isDirectory(root)) {
            return Readiness.notReady("the DAG root folder " + root + " does not exist");
        }
        try {
            Path probe = Files.createTempFile(root, ".meshprov-ready-", TEMP_SUFFIX);
            Files.delete(probe);
            return Readiness.ready("the DAG root folder " + root + " exists and is writable");
        } catch (IOException | RuntimeException e) {
            return Readiness.notReady("the DAG root folder " + root + " is not writable: "
                    + e.getClass().getSimpleName());
        }
    }
}
