package dev.meshprov.mwaa;

import dev.meshprov.core.mwaa.ObjectRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the keys of the folder store like S3 lists a prefix: every file (at any depth) whose key starts with the
 * prefix, sorted, without the temporary files of writes in progress and never outside the root.
 */
final class FolderListing {

    private final RootedPaths paths;

    FolderListing(RootedPaths paths) {
        this.paths = paths;
    }

    List<String> list(String bucket, String prefix) throws IOException, StoreRefusal {
        int slash = prefix.lastIndexOf('/');
        String folderKey = prefix.substring(0, slash + 1);
        String namePrefix = prefix.substring(slash + 1);
        Path base = paths.base(bucket);
        Path folder = folderKey.isEmpty() ? base : paths.resolve(new ObjectRef(bucket, folderKey));
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        paths.requireInsideRoot(folder);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().startsWith(namePrefix) || AtomicFileWriter.isTemporary(entry)) {
                    continue;
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> nested = Files.walk(entry)) {
                        nested.filter(FolderListing::isFile)
                                .filter(p -> !AtomicFileWriter.isTemporary(p))
                                .forEach(p -> keys.add(RootedPaths.key(base, p)));
                    }
                } else if (isFile(entry)) {
                    keys.add(RootedPaths.key(base, entry));
                }
            }
        }
        keys.sort(null);
        return List.copyOf(keys);
    }

    private static boolean isFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path);
    }
}
