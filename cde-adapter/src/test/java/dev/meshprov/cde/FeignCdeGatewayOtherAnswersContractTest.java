package dev.meshprov.cde;

import dev.meshprov.cde.FakeCdeServer.FilesListing;
import dev.meshprov.cde.FakeCdeServer.Signatures;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The jobs API contract against the Feign gateway while the CDE fake answers the other ways public sources leave
 * open: no files listed, files signed with another algorithm, Spark configuration of its own added to jobs.
 */
class FeignCdeGatewayOtherAnswersContractTest {

    private abstract static class Variant extends FeignCdeGatewayContractTest {
        private final FilesListing listing;
        private final Signatures signatures;

        Variant(FilesListing listing, Signatures signatures) {
            this.listing = listing;
            this.signatures = signatures;
        }

        @Override
        protected void answers(FakeCdeServer cde) {
            cde.filesListing(listing);
            cde.signatures(signatures);
            cde.addsConf(Map.of("spark.kubernetes.driver.label.dex-app", "job"));
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
