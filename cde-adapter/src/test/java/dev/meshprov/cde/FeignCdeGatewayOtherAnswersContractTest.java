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

    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    private abstract static class Variant extends CdeGatewayContract {
        private final FilesListing listing;
        private final Signatures signatures;
        private CdeHarness harness;
        private CdeGateway gateway;

        Variant(FilesListing listing, Signatures signatures) {
            this.listing = listing;
            this.signatures = signatures;
        }

        @BeforeAll
        void start() {
            harness = new CdeHarness("http://127.0.0.1:1");
            harness.cde.filesListing(listing);
            harness.cde.signatures(signatures);
            harness.cde.addsConf(Map.of("spark.kubernetes.driver.label.dex-app", "job"));
            gateway = harness.gateways(harness.config()).cde();
        }

        @AfterAll
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
    class FilesNotListed extends Variant {
        FilesNotListed() {
            super(FilesListing.NEVER, Signatures.MD5);
        }
    }

    @Nested
    class OtherSignatures extends Variant {
        OtherSignatures() {
            super(FilesListing.ALWAYS, Signatures.SHA256);
        }
    }

    @Nested
    class UnreadableEntries extends Variant {
        UnreadableEntries() {
            super(FilesListing.UNREADABLE_ENTRIES, Signatures.NONE);
        }
    }
}
