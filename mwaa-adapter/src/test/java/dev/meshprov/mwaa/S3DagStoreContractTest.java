package dev.meshprov.mwaa;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.meshprov.core.mwaa.DagStore;
import dev.meshprov.core.mwaa.DagStoreContract;
import dev.meshprov.core.mwaa.ObjectRef;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.S3StubServers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link DagStore} contract against the S3 store and an in-process S3 server. */
class S3DagStoreContractTest extends DagStoreContract {

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(BUCKET);

    /** An S3 that refuses the credentials, as issue 15's "could not check" case. */
    private static final S3StubServers.ErrorServer DENYING =
            new S3StubServers.ErrorServer(403, "AccessDenied", "Access Denied");

    private final S3DagStore store = LocalS3.store(S3, UpstreamObserver.none());

    @AfterAll
    static void stopDenying() {
        DENYING.close();
    }

    @Override
    protected DagStore store() {
        return store;
    }

    @Override
    protected DagStore failingAt(ObjectRef ref) {
        return LocalS3.store(DENYING.endpoint(), UpstreamObserver.none(), new Redactor(), Duration.ofSeconds(5), 1);
    }
}
