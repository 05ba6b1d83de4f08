package dev.meshprov.mwaa;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.ContentHash;
import dev.meshprov.core.mwaa.DagStore;
import dev.meshprov.core.mwaa.ObjectRef;
import dev.meshprov.core.mwaa.StoredObject;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link DagStore} on a local folder, for self-managed Airflow whose DAG folder is a plain directory. Keys are
 * paths under the root (buckets are ignored, or are sub-folders with {@code bucketFolders}); a key that would leave
 * the root, through {@code ..} or a symbolic link, is refused. Writes go to a temporary file in the target folder and
 * are moved over the target atomically, so Airflow never reads a half-written DAG. The ETag is the SHA-256 of the
 * content; there are no versions.
 */
final class FileSystemDagStore implements DagStore {

    static final String SYSTEM = "filesystem";

    /** Suffix of the temporary files of atomic writes; listings skip them. */
    static final String TEMP_SUFFIX = ".meshprov-tmp";

    /** Writes the content of a temporary file; a seam for tests. */
    @FunctionalInterface
    interface ContentWriter {
        void write(Path file, byte[] content) throws IOException;
    }

    private final Path root;
    private final boolean bucketFolders;
    private final UpstreamObserver observer;
    private final ContentWriter writer;

    FileSystemDagStore(Path root, boolean bucketFolders, UpstreamObserver observer) {
        this(root, bucketFolders, observer, Files::write);
    }

    FileSystemDagStore(Path root, boolean bucketFolders, UpstreamObserver observer, ContentWriter writer) {
        this.root = root.toAbsolutePath().normalize();
        this.bucketFolders = bucketFolders;
        this.observer = observer;
        this.writer = writer;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public String describe() {
        return "the folder " + root + (bucketFolders ? " (a sub-folder per bucket)" : "");
    }

    @Override
    public boolean distinguishesBuckets() {
        return bucketFolders;
    }

    @Override
    public String location(ObjectRef ref) {
        String bucket = bucketFolders ? ref.bucket() + "/" : "";
        return root + "/" + bucket + ref.key();
    }

    @Override
    public Either<UpstreamFailure, Optional<StoredObject>> head(ObjectRef ref) {
        return run("read", ref, () -> {
            Path path = resolve(ref);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            requireInsideRoot(path);
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            String hash = ContentHash.sha256Hex(Files.readAllBytes(path));
            return Optional.of(new StoredObject(hash, Optional.empty(), Optional.of(hash)));
        });
    }

    /** Like {@link #head}, from the file's attributes only; a temporary file of a write in progress is absent. */
    @Override
    public Either<UpstreamFailure, Boolean> exists(ObjectRef ref) {
        return run("exists", ref, () -> {
            Path path = resolve(ref);
            if (path.getFileName().toString().endsWith(TEMP_SUFFIX) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            requireInsideRoot(path);
            return Files.isRegularFile(path);
        });
    }

    @Override
    public Either<UpstreamFailure, StoredObject> copy(ObjectRef source, StoredObject expectedSource, ObjectRef target) {
        return run("copy", target, () -> {
            Path from = resolve(source);
            Path to = resolve(target);
            if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(from)) {
                throw new StoreRefusal(new UpstreamFailure.NotFound(
                        SYSTEM, "copy " + location(source), "the source file does not exist"));
            }
            requireInsideRoot(from);
            byte[] content = Files.readAllBytes(from);
            String hash = ContentHash.sha256Hex(content);
            if (!hash.equals(expectedSource.etag())) {
                throw new StoreRefusal(new UpstreamFailure.Conflict(
                        SYSTEM,
                        "copy " + location(source),
                        "the source file changed since it was read (SHA-256 " + hash + ", expected "
                                + expectedSource.etag() + "); run again"));
            }
            writeAtomically(to, content);
            return new StoredObject(hash, Optional.empty(), Optional.of(hash));
        });
    }

    @Override
    public Either<UpstreamFailure, StoredObject> put(ObjectRef target, byte[] content, String contentType) {
        return run("write", target, () -> {
            writeAtomically(resolve(target), content);
            String hash = ContentHash.sha256Hex(content);
            return new StoredObject(hash, Optional.empty(), Optional.of(hash));
        });
    }

    @Override
    public Either<UpstreamFailure, ObjectRef> delete(ObjectRef ref) {
        return run("delete", ref, () -> {
            Path path = resolve(ref);
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                requireInsideRoot(path.getParent());
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
        ObjectRef ref = new ObjectRef(bucket, prefix);
        return run("list", ref, () -> {
            int slash = prefix.lastIndexOf('/');
            String folderKey = prefix.substring(0, slash + 1);
            String namePrefix = prefix.substring(slash + 1);
            Path base = base(bucket);
            Path folder = folderKey.isEmpty() ? base : resolve(new ObjectRef(bucket, folderKey));
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                return List.of();
            }
            requireInsideRoot(folder);
            if (!Files.isDirectory(folder)) {
                return List.of();
            }
            List<String> keys = new ArrayList<>();
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (!name.startsWith(namePrefix) || name.endsWith(TEMP_SUFFIX)) {
                        continue;
                    }
                    if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                        try (Stream<Path> nested = Files.walk(entry)) {
                            nested.filter(FileSystemDagStore::isFile)
                                    .filter(p -> !p.getFileName().toString().endsWith(TEMP_SUFFIX))
                                    .forEach(p -> keys.add(key(base, p)));
                        }
                    } else if (isFile(entry)) {
                        keys.add(key(base, entry));
                    }
                }
            }
            keys.sort(null);
            return List.copyOf(keys);
        });
    }

    @Override
    public Readiness readiness(Set<String> buckets) {
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

    // ---------------------------------------------------------------- paths

    private Path base(String bucket) throws StoreRefusal {
        if (!bucketFolders) {
            return root;
        }
        if (bucket.isBlank()
                || bucket.contains("/")
                || bucket.contains("\\")
                || bucket.equals(".")
                || bucket.equals("..")) {
            throw refusal(bucket + "/", "the bucket is not a plain folder name");
        }
        return root.resolve(bucket);
    }

    /** The path of a key, checked lexically: relative, no {@code .} or {@code ..} segments, inside the root. */
    private Path resolve(ObjectRef ref) throws StoreRefusal {
        String key = ref.key();
        if (key.isEmpty()
                || key.startsWith("/")
                || key.contains("\\")
                || key.chars().anyMatch(Character::isISOControl)) {
            throw refusal(key, "the key is not a relative '/'-separated path");
        }
        String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw refusal(key, "the key has an empty, '.' or '..' segment and would leave its folder");
            }
        }
        Path path;
        try {
            path = base(ref.bucket()).resolve(trimmed).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw refusal(
                    key,
                    "this file system cannot represent the name (check the process's file name encoding,"
                            + " e.g. LANG=C.UTF-8, or use ASCII names)");
        }
        if (!path.startsWith(root) || path.equals(root)) {
            throw refusal(key, "the key resolves outside the root folder");
        }
        return path;
    }

    /** Refuses a path whose nearest existing ancestor (or itself) really lies outside the root, via symbolic links. */
    private void requireInsideRoot(Path path) throws IOException, StoreRefusal {
        if (!Files.exists(root)) {
            return;
        }
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path realRoot = root.toRealPath();
        boolean inside;
        try {
            inside = existing != null && existing.toRealPath().startsWith(realRoot);
        } catch (NoSuchFileException dangling) {
            inside = false;
        }
        if (!inside) {
            throw refusal(root.relativize(path).toString(), "it leads outside the root folder through a symbolic link");
        }
    }

    private void writeAtomically(Path target, byte[] content) throws IOException, StoreRefusal {
        requireInsideRoot(target);
        Files.createDirectories(target.getParent());
        requireInsideRoot(target.getParent());
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreRefusal(
                    new UpstreamFailure.Conflict(SYSTEM, "write " + target, "it is a folder, not a file"));
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

    private static boolean isFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path);
    }

    private static String key(Path base, Path file) {
        return base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private StoreRefusal refusal(String key, String why) {
        return new StoreRefusal(new UpstreamFailure.Unauthorized(
                SYSTEM, "access " + root + "/" + key, "refused: " + why + " (root " + root + ")"));
    }

    // ---------------------------------------------------------------- calls

    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException, StoreRefusal;
    }

    private <T> Either<UpstreamFailure, T> run(String operation, ObjectRef ref, Step<T> step) {
        long start = System.nanoTime();
        Either<UpstreamFailure, T> result;
        try {
            result = Either.right(step.run());
        } catch (StoreRefusal refusal) {
            result = Either.left(refusal.failure);
        } catch (IOException e) {
            result = Either.left(translate(operation + " " + location(ref), e));
        }
        report(operation, ref, result, start);
        return result;
    }

    private void report(String operation, ObjectRef ref, Either<UpstreamFailure, ?> result, long start) {
        try {
            observer.completed(new UpstreamCall(
                    SYSTEM,
                    operation,
                    ref.key(),
                    result.isRight() ? "ok" : result.getLeft().kind(),
                    Duration.ofNanos(System.nanoTime() - start),
                    1));
        } catch (RuntimeException ignored) {
            // an observer must not break the call it observes
        }
    }

    private static UpstreamFailure translate(String operation, IOException e) {
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof AccessDeniedException) {
            return new UpstreamFailure.Unauthorized(SYSTEM, operation, "permission denied (" + detail + ")");
        }
        if (e instanceof NoSuchFileException) {
            return new UpstreamFailure.NotFound(SYSTEM, operation, detail);
        }
        if (e instanceof FileAlreadyExistsException
                || e instanceof DirectoryNotEmptyException
                || e instanceof NotDirectoryException) {
            return new UpstreamFailure.Conflict(SYSTEM, operation, detail);
        }
        return new UpstreamFailure.Unavailable(SYSTEM, operation, detail);
    }

    /** A call refused before touching the disk, carrying the failure to report. */
    private static final class StoreRefusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient UpstreamFailure failure;

        StoreRefusal(UpstreamFailure failure) {
            super(failure.describe(), null, false, false);
            this.failure = failure;
        }
    }
}
