package dev.meshprov.mwaa;

import dev.meshprov.core.mwaa.DagStore;
import dev.meshprov.core.mwaa.DagStoreContract;
import dev.meshprov.core.port.UpstreamObserver;
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

    @Override
    protected String bucket() {
        return "ignored-bucket";
    }
}
