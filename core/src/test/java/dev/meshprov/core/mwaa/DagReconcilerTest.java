package dev.meshprov.core.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.port.ChangeKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure decision of what provisioning does. */
class DagReconcilerTest {

    private static final StoredObject STAGING = new StoredObject("etag-1", Optional.empty(), Optional.empty());
    private static final String HASH = "hash-of-descriptor";

    private static StoredObject copiedFrom(String etag) {
        return new StoredObject("other-etag", Optional.empty(), Optional.of(etag));
    }

    @Test
    void createsWhatIsMissing() {
        DagChanges changes = DagReconciler.reconcile(
                new ObservedDag(STAGING, Optional.empty(), Optional.empty(), Optional.empty()), HASH, true);

        assertThat(changes.descriptor().kind()).isEqualTo(ChangeKind.CREATE);
        assertThat(changes.dag().kind()).isEqualTo(ChangeKind.CREATE);
        assertThat(changes.dag().detail()).contains("etag-1");
        assertThat(changes.legacyDag()).isEmpty();
    }

    @Test
    void leavesAloneWhatWasDeployedFromTheSameContent() {
        DagChanges changes = DagReconciler.reconcile(
                new ObservedDag(
                        STAGING, Optional.of(copiedFrom("etag-1")), Optional.of(copiedFrom(HASH)), Optional.empty()),
                HASH,
                true);

        assertThat(changes.descriptor().kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(changes.dag().kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(changes.dag().changes()).isFalse();
    }

    @Test
    void aDagCopiedByAnotherToolIsComparedByItsOwnEtag() {
        StoredObject copiedElsewhere = new StoredObject("etag-1", Optional.empty(), Optional.empty());

        DagChanges changes = DagReconciler.reconcile(
                new ObservedDag(STAGING, Optional.of(copiedElsewhere), Optional.empty(), Optional.empty()), HASH, true);

        assertThat(changes.dag().kind()).isEqualTo(ChangeKind.UNCHANGED);
    }

    @Test
    void updatesWhatChanged() {
        DagChanges changes = DagReconciler.reconcile(
                new ObservedDag(
                        STAGING, Optional.of(copiedFrom("etag-0")), Optional.of(copiedFrom("old")), Optional.empty()),
                HASH,
                true);

        assertThat(changes.descriptor().kind()).isEqualTo(ChangeKind.UPDATE);
        assertThat(changes.dag().kind()).isEqualTo(ChangeKind.UPDATE);
        assertThat(changes.dag().detail()).contains("etag-1").contains("etag-0");
    }

    @Test
    void deletesTheLegacyDottedDagUnlessCleanupIsOff() {
        ObservedDag observed = new ObservedDag(STAGING, Optional.empty(), Optional.empty(), Optional.of(STAGING));

        assertThat(DagReconciler.reconcile(observed, HASH, true)
                        .legacyDag()
                        .orElseThrow()
                        .kind())
                .isEqualTo(ChangeKind.DELETE);
        DagChanges.Change kept =
                DagReconciler.reconcile(observed, HASH, false).legacyDag().orElseThrow();
        assertThat(kept.kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(kept.detail()).contains("mwaa.legacyDottedNames.cleanup");
    }
}
