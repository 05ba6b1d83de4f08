package dev.meshprov.cde;

import dev.meshprov.cde.FakeCdeServer.FilesListing;
import dev.meshprov.cde.FakeCdeServer.Signatures;
import dev.meshprov.core.cde.CdeGateway;
import dev.meshprov.core.cde.CdeGatewayContract;
import dev.meshprov.core.cde.VcEndpoint;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The jobs API contract against the Feign gateway while the CDE fake answers the other ways public sources leave
 * open: no files listed, files signed with another algorithm, Spark configuration of its own added to jobs.
 */
class FeignCdeGatewayOtherAnswersContractTest {

    private abstract static class Variant extends CdeGatewayContract {
        private CdeHarness harness;
        private CdeGateway gateway;

        void start(FilesListing listing, Signatures signatures) {
            harness = new CdeHarness("http://127.0.0.1:1");
            harness.cde.filesListing(listing);
            harness.cde.signatures(signatures);
            harness.cde.addsConf(Map.of("spark.kubernetes.driver.label.dex-app", "job"));
            gateway = harness.gateways(harness.config()).cde();
        }

        void stop() {
            harness.close();
        }

        @Override
        protected CdeGateway gateway() {
            return gateway;
        }

        @Override
        protected VcEndpoint endpoint() {
            return new VcEndpoint(
                    "cluster-finance-de", harness.cde.hostAndPort(), "vc-finance-vc", harness.cde.apiUrl());
        }
    }

    @Nested
    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    class FilesNotListed extends Variant {
        @BeforeAll
        void begin() {
            start(FilesListing.NEVER, Signatures.MD5);
        }

        @AfterAll
        void end() {
            stop();
        }
    }

    @Nested
    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    class OtherSignatures extends Variant {
        @BeforeAll
        void begin() {
            start(FilesListing.ALWAYS, Signatures.SHA256);
        }

        @AfterAll
        void end() {
            stop();
        }
    }

    @Nested
    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    class UnreadableEntries extends Variant {
        @BeforeAll
        void begin() {
            start(FilesListing.UNREADABLE_ENTRIES, Signatures.NONE);
        }

        @AfterAll
        void end() {
            stop();
        }
    }
}
