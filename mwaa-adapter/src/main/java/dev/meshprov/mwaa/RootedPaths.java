package dev.meshprov.mwaa;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.ObjectRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The paths of keys under the root of the folder store, and the refusal of any key that would leave it: lexically
 * (absolute, {@code .} or {@code ..} segments, names the file system cannot represent) or really (through a symbolic
 * link). With {@code bucketFolders} each bucket is a plain sub-folder of the root.
 */
final class RootedPaths {

    private final Path root;
    private final boolean bucketFolders;

    RootedPaths(Path root, boolean bucketFolders) {
        this.root = root.toAbsolutePath().normalize();
        this.bucketFolders = bucketFolders;
    }

    Path root() {
        return root;
    }

    boolean bucketFolders() {
        return bucketFolders;
    }

    /** Where an object is, for people: an absolute path. */
    String location(ObjectRef ref) {
        String bucket = bucketFolders ? ref.bucket() + "/" : "";
        return root + "/" + bucket + ref.key();
    }

    /** The folder of a bucket: the root itself unless buckets are sub-folders. */
    Path base(String bucket) throws StoreRefusal {
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
    Path resolve(ObjectRef ref) throws StoreRefusal {
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
        } catch (InvalidPathException e) {
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
    void requireInsideRoot(Path path) throws IOException, StoreRefusal {
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

    /** The key of a file under the folder {@code base}, '/'-separated. */
    static String key(Path base, Path file) {
        return base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private StoreRefusal refusal(String key, String why) {
        return new StoreRefusal(new UpstreamFailure.Unauthorized(
                FileSystemDagStore.SYSTEM, "access " + root + "/" + key, "refused: " + why + " (root " + root + ")"));
    }
}
