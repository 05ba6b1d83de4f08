package dev.meshprov.core.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DagStore} must do, run against the in-memory fake (core) and the real stores (adapter), so
 * that the fake stays honest. Each test works under its own random folder, so stores may be shared between tests.
 */
public abstract class DagStoreContract {

    /** The bucket of the contract, which a store's fixture creates when its buckets must exist. */
    protected static final String BUCKET = "contract-bucket";

    /** The store under test. */
    protected abstract DagStore store();

    /**
     * Makes checking {@code ref} fail the way this store fails upstream (an outage, refused credentials, a disk error)
     * and returns the store to ask: {@link #store()} when the failure can be set up in place.
     */
    protected abstract DagStore failingAt(ObjectRef ref);

    /** A bucket the store can write to (ignored by stores that do not distinguish buckets). */
    protected String bucket() {
        return BUCKET;
    }

    /** Puts content the way a CI pipeline would upload it (outside the port when the store allows it). */
    protected void upload(ObjectRef ref, String content) {
        store().put(ref, bytes(content), "text/x-python").get();
    }

    private String folder;

    @BeforeEach
    void newFolder() {
        folder = "contract-" + UUID.randomUUID() + "/";
    }

    private ObjectRef ref(String key) {
        return new ObjectRef(bucket(), folder + key);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Optional<StoredObject> head(ObjectRef ref) {
        Either<UpstreamFailure, Optional<StoredObject>> head = store().head(ref);
        assertThat(head.isRight()).as("head %s: %s", ref, head).isTrue();
        return head.get();
    }

    private boolean exists(ObjectRef ref) {
        Either<UpstreamFailure, Boolean> exists = store().exists(ref);
        assertThat(exists.isRight()).as("exists %s: %s", ref, exists).isTrue();
        return exists.get();
    }

    @Test
    void anUploadedObjectExists() {
        upload(ref("staging/x.py"), "print(1)\n");

        assertThat(exists(ref("staging/x.py"))).isTrue();
    }

    @Test
    void aMissingObjectDoesNotExist() {
        upload(ref("staging/other.py"), "print(1)\n");

        assertThat(exists(ref("staging/x.py"))).isFalse();
        assertThat(exists(ref("never/was.py"))).isFalse();
    }

    @Test
    void aDeletedObjectNoLongerExists() {
        ObjectRef target = ref("staging/x.py");
        upload(target, "print(1)\n");
        store().delete(target).get();

        assertThat(exists(target)).isFalse();
    }

    @Test
    void aKeyLeavingItsFolderNeverFindsAnotherObject() {
        upload(ref("dags/x.py"), "print(1)\n");

        Either<UpstreamFailure, Boolean> escaping = store().exists(ref("staging/../dags/x.py"));

        assertThat(escaping.getOrElse(false))
                .as("absent or refused, never the object it would lead to: %s", escaping)
                .isFalse();
    }

    @Test
    void aCheckThatCannotBeMadeIsAFailureNotAbsence() {
        ObjectRef target = ref("staging/x.py");

        Either<UpstreamFailure, Boolean> checked = failingAt(target).exists(target);

        assertThat(checked.isLeft()).as("%s", checked).isTrue();
        assertThat(checked.getLeft()).isNotInstanceOf(UpstreamFailure.NotFound.class);
        assertThat(checked.getLeft().describe()).contains(store().system());
    }

    @Test
    void headOfAMissingObjectIsEmpty() {
        assertThat(head(ref("missing.py"))).isEmpty();
    }

    @Test
    void putRecordsTheContentHashAsOrigin() {
        ObjectRef target = ref("dags/descriptor.yaml");
        StoredObject written =
                store().put(target, bytes("id: dp\n"), "application/yaml").get();

        StoredObject found = head(target).orElseThrow();
        assertThat(found.etag()).isNotBlank().isEqualTo(written.etag());
        assertThat(found.origin()).contains(ContentHash.sha256Hex(bytes("id: dp\n")));
        assertThat(found.deployedFrom()).isEqualTo(ContentHash.sha256Hex(bytes("id: dp\n")));
    }

    @Test
    void theEtagFollowsTheContent() {
        ObjectRef first = ref("a.py");
        ObjectRef second = ref("b.py");
        store().put(first, bytes("print(1)\n"), "text/x-python").get();
        store().put(second, bytes("print(1)\n"), "text/x-python").get();
        String same = head(first).orElseThrow().etag();
        assertThat(head(second).orElseThrow().etag()).isEqualTo(same);

        store().put(first, bytes("print(2)\n"), "text/x-python").get();
        assertThat(head(first).orElseThrow().etag()).isNotEqualTo(same);
    }

    @Test
    void copyRecordsTheSourceEtagAsOrigin() {
        ObjectRef source = ref("staging/finance.cashflow.1.dag.py");
        ObjectRef target = ref("dags/finance_cashflow_1_dag.py");
        upload(source, "print('v1')\n");
        StoredObject staged = head(source).orElseThrow();

        Either<UpstreamFailure, StoredObject> copied = store().copy(source, staged, target);

        assertThat(copied.isRight()).as("%s", copied).isTrue();
        StoredObject deployed = head(target).orElseThrow();
        assertThat(deployed.origin()).contains(staged.etag());
        assertThat(deployed.deployedFrom()).isEqualTo(staged.etag());
        assertThat(copied.get().etag()).isEqualTo(deployed.etag());
    }

    @Test
    void copyReplacesAnExistingTarget() {
        ObjectRef source = ref("staging/x.py");
        ObjectRef target = ref("dags/x.py");
        upload(source, "print('v1')\n");
        store().copy(source, head(source).orElseThrow(), target).get();
        upload(source, "print('v2')\n");
        StoredObject second = head(source).orElseThrow();

        store().copy(source, second, target).get();

        assertThat(head(target).orElseThrow().origin()).contains(second.etag());
    }

    @Test
    void copyOfASourceThatChangedSinceItWasReadIsAConflict() {
        ObjectRef source = ref("staging/x.py");
        upload(source, "print('v1')\n");
        StoredObject read = head(source).orElseThrow();
        upload(source, "print('v2, uploaded meanwhile')\n");
        StoredObject stale = new StoredObject(read.etag(), Optional.empty(), Optional.empty());

        Either<UpstreamFailure, StoredObject> copied = store().copy(source, stale, ref("dags/x.py"));

        assertThat(copied.isLeft()).isTrue();
        assertThat(copied.getLeft()).isInstanceOf(UpstreamFailure.Conflict.class);
        assertThat(head(ref("dags/x.py"))).isEmpty();
    }

    @Test
    void copyOfAMissingSourceIsNotFound() {
        StoredObject imagined =
                new StoredObject("0123456789abcdef0123456789abcdef", Optional.empty(), Optional.empty());

        Either<UpstreamFailure, StoredObject> copied = store().copy(ref("staging/none.py"), imagined, ref("dags/n.py"));

        assertThat(copied.isLeft()).isTrue();
        assertThat(copied.getLeft()).isInstanceOf(UpstreamFailure.NotFound.class);
        assertThat(copied.getLeft().describe()).contains(store().system());
    }

    @Test
    void deleteRemovesTheObjectAndAMissingObjectIsFine() {
        ObjectRef target = ref("dags/x.py");
        upload(target, "print(1)\n");

        assertThat(store().delete(target).isRight()).isTrue();
        assertThat(head(target)).isEmpty();
        assertThat(store().delete(target).isRight()).isTrue();
        assertThat(store().delete(ref("never/was.py")).isRight()).isTrue();
    }

    @Test
    void listReturnsEveryKeyUnderThePrefixSorted() {
        upload(ref("dags/finance_cashflow_1_b.py"), "b");
        upload(ref("dags/finance_cashflow_1_a.py"), "a");
        upload(ref("dags/finance_cashflow_1_sub/c.py"), "c");
        upload(ref("dags/finance_cashflow_2_a.py"), "other major");
        upload(ref("dags/finance.cashflow.1.legacy.py"), "dotted");

        Either<UpstreamFailure, java.util.List<String>> listed =
                store().list(bucket(), folder + "dags/finance_cashflow_1_");

        assertThat(listed.isRight()).as("%s", listed).isTrue();
        assertThat(listed.get())
                .containsExactly(
                        folder + "dags/finance_cashflow_1_a.py",
                        folder + "dags/finance_cashflow_1_b.py",
                        folder + "dags/finance_cashflow_1_sub/c.py");
        assertThat(store().list(bucket(), folder + "dags/finance.cashflow.1.").get())
                .containsExactly(folder + "dags/finance.cashflow.1.legacy.py");
    }

    @Test
    void listOfAnEmptyPrefixIsEmpty() {
        assertThat(store().list(bucket(), folder + "nothing/here_").get()).isEmpty();
    }

    @Test
    void locationNamesTheKey() {
        assertThat(store().location(ref("dags/x.py"))).endsWith(folder + "dags/x.py");
    }

    @Test
    void isReadyForItsBucket() {
        assertThat(store().readiness(store().distinguishesBuckets() ? Set.of(bucket()) : Set.of())
                        .ready())
                .isTrue();
    }
}
