package dev.meshprov.mwaa;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.meshprov.core.mwaa.DagStore;
import dev.meshprov.core.mwaa.DagStoreContract;
import dev.meshprov.core.port.UpstreamObserver;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link DagStore} contract against the S3 store and an in-process S3 server. */
class S3DagStoreContractTest extends DagStoreContract {

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension("contract-bucket");

    private final S3DagStore store = LocalS3.store(S3, UpstreamObserver.none());

    @Override
    protected DagStore store() {
        return store;
    }

    @Override
    protected String bucket() {
        return "contract-bucket";
    }
}
