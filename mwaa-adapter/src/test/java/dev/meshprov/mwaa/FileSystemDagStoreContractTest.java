package dev.meshprov.mwaa;

import dev.meshprov.core.mwaa.DagStore;
import dev.meshprov.core.mwaa.DagStoreContract;
import dev.meshprov.core.mwaa.ObjectRef;
import dev.meshprov.core.port.UpstreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link DagStore} contract against the folder store. */
class FileSystemDagStoreContractTest extends DagStoreContract {

    @TempDir
    Path root;

    @Override
    protected DagStore store() {
        return new FileSystemDagStore(root, false, UpstreamObserver.none());
    }

    /** A disk error: the key is a symbolic link to itself, which no file system call can follow. */
    @Override
    protected DagStore failingAt(ObjectRef ref) {
        Path looping = root.resolve(ref.key());
        try {
            Files.createDirectories(looping.getParent());
            Files.createSymbolicLink(looping, looping.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store();
    }
}
