package dev.meshprov.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.ObjectRef;
import dev.meshprov.core.mwaa.StoredObject;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Atomic writes and confinement to the root of the folder store. */
class FileSystemDagStoreTest {

    @TempDir
    Path temp;

    private Path root() throws IOException {
        return Files.createDirectories(temp.resolve("airflow"));
    }

    private FileSystemDagStore store(Path root) {
        return new FileSystemDagStore(root, false, UpstreamObserver.none());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path root = root();
        ObjectRef dag = new ObjectRef("", "dags/finance_cashflow_1_daily.py");
        store(root).put(dag, bytes("print('old')\n"), "text/x-python").get();
        FileSystemDagStore failing = new FileSystemDagStore(root, false, UpstreamObserver.none(), (file, content) -> {
            Files.write(file, Arrays.copyOf(content, content.length / 2));
            throw new IOException("disk full");
        });

        UpstreamFailure failure = failing.put(dag, bytes("print('new and longer')\n"), "text/x-python")
                .getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Unavailable.class);
        assertThat(failure.detail()).contains("disk full");
        assertThat(Files.readString(root.resolve(dag.key()))).isEqualTo("print('old')\n");
        assertThat(filesIn(root.resolve("dags"))).isEqualTo(1);
    }

    @Test
    void aWriteReplacesTheFileInsteadOfRewritingIt() throws IOException {
        Path root = root();
        ObjectRef dag = new ObjectRef("", "dags/x.py");
        FileSystemDagStore store = store(root);
        store.put(dag, bytes("print(1)\n"), "text/x-python").get();
        Object before = Files.readAttributes(root.resolve(dag.key()), BasicFileAttributes.class)
                .fileKey();

        store.put(dag, bytes("print(2)\n"), "text/x-python").get();

        Object after = Files.readAttributes(root.resolve(dag.key()), BasicFileAttributes.class)
                .fileKey();
        assertThat(after).isNotEqualTo(before);
        assertThat(Files.readString(root.resolve(dag.key()))).isEqualTo("print(2)\n");
    }

    @Test
    void writtenFilesAreReadableByTheAirflowUser() throws IOException {
        Path root = root();
        store(root)
                .put(new ObjectRef("", "dags/x.py"), bytes("print(1)\n"), "text/x-python")
                .get();

        assertThat(Files.getPosixFilePermissions(root.resolve("dags/x.py")))
                .contains(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ);
    }

    @Test
    void aCopyIsPinnedToTheContentRead() throws IOException {
        Path root = root();
        FileSystemDagStore store = store(root);
        ObjectRef staging = new ObjectRef("", "staging/finance.cashflow.1.x.py");
        store.put(staging, bytes("print(1)\n"), "text/x-python").get();
        StoredObject read = store.head(staging).get().orElseThrow();
        Files.writeString(root.resolve(staging.key()), "print(2)\n");

        UpstreamFailure failure =
                store.copy(staging, read, new ObjectRef("", "dags/x.py")).getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Conflict.class);
        assertThat(failure.describe()).contains("changed since it was read");
        assertThat(Files.exists(root.resolve("dags/x.py"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"../outside.py", "dags/../../outside.py", "/etc/passwd", "dags//x.py", "./x.py", "dags\\x.py"})
    void keysThatWouldLeaveTheRootAreRefused(String key) throws IOException {
        Path root = root();
        FileSystemDagStore store = store(root);

        UpstreamFailure put =
                store.put(new ObjectRef("", key), bytes("x"), "text/x-python").getLeft();
        UpstreamFailure head = store.head(new ObjectRef("", key)).getLeft();
        UpstreamFailure delete = store.delete(new ObjectRef("", key)).getLeft();

        assertThat(put).isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(put.detail()).contains("refused");
        assertThat(head).isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(delete).isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(Files.exists(temp.resolve("outside.py"))).isFalse();
    }

    @Test
    void aSymbolicLinkToAFolderOutsideTheRootIsRefused() throws IOException {
        Path root = root();
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("dags"), outside);
        FileSystemDagStore store = store(root);

        UpstreamFailure put = store.put(new ObjectRef("", "dags/x.py"), bytes("x"), "text/x-python")
                .getLeft();
        UpstreamFailure list = store.list("", "dags/").getLeft();

        assertThat(put).isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(put.detail()).contains("symbolic link");
        assertThat(list).isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(filesIn(outside)).isZero();
    }

    @Test
    void aStagingFileLinkedToAFileOutsideTheRootIsNotRead() throws IOException {
        Path root = root();
        Path secret = Files.writeString(temp.resolve("secret.txt"), "not for Airflow");
        Files.createDirectories(root.resolve("staging"));
        Files.createSymbolicLink(root.resolve("staging/finance.cashflow.1.x.py"), secret);
        FileSystemDagStore store = store(root);
        ObjectRef staging = new ObjectRef("", "staging/finance.cashflow.1.x.py");
        StoredObject guessed = new StoredObject("whatever", Optional.empty(), Optional.empty());

        assertThat(store.head(staging).getLeft()).isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(store.copy(staging, guessed, new ObjectRef("", "dags/x.py")).getLeft())
                .isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(Files.exists(root.resolve("dags/x.py"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.py", "dags/../../outside.py", "/etc/passwd", "staging/linked-out.py"})
    void existsIsConfinedToTheRootLikeEveryCall(String key) throws IOException {
        Path root = root();
        Path outside = Files.writeString(temp.resolve("outside.py"), "print('outside')\n");
        Files.createDirectories(root.resolve("staging"));
        Files.createSymbolicLink(root.resolve("staging/linked-out.py"), outside);

        UpstreamFailure refused = store(root).exists(new ObjectRef("", key)).getLeft();

        assertThat(refused).isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(refused.detail()).contains("refused");
    }

    @Test
    void existsFollowsALinkInsideTheRootAndIgnoresTemporaryFiles() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("staging"));
        Files.writeString(root.resolve("staging/real.py"), "print(1)\n");
        Files.createSymbolicLink(root.resolve("staging/linked.py"), root.resolve("staging/real.py"));
        Files.writeString(root.resolve("staging/x.py.9" + FileSystemDagStore.TEMP_SUFFIX), "half");
        Files.createDirectories(root.resolve("staging/folder.py"));
        FileSystemDagStore store = store(root);

        assertThat(store.exists(new ObjectRef("", "staging/linked.py")).get()).isTrue();
        assertThat(store.exists(new ObjectRef("", "staging/x.py.9" + FileSystemDagStore.TEMP_SUFFIX))
                        .get())
                .isFalse();
        assertThat(store.exists(new ObjectRef("", "staging/folder.py")).get()).isFalse();
    }

    @Test
    void aSymbolicLinkInsideTheRootIsFollowed() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("real-dags"));
        Files.createSymbolicLink(root.resolve("dags"), root.resolve("real-dags"));

        store(root)
                .put(new ObjectRef("", "dags/x.py"), bytes("print(1)\n"), "text/x-python")
                .get();

        assertThat(Files.readString(root.resolve("real-dags/x.py"))).isEqualTo("print(1)\n");
    }

    @Test
    void bucketsAreSubFoldersWhenConfigured() throws IOException {
        Path root = root();
        FileSystemDagStore store = new FileSystemDagStore(root, true, UpstreamObserver.none());

        store.put(new ObjectRef("finance-mwaa-dev", "dags/x.py"), bytes("print(1)\n"), "text/x-python")
                .get();

        assertThat(Files.exists(root.resolve("finance-mwaa-dev/dags/x.py"))).isTrue();
        assertThat(store.distinguishesBuckets()).isTrue();
        assertThat(store.put(new ObjectRef("..", "dags/x.py"), bytes("x"), "text/x-python")
                        .getLeft())
                .isInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(store.location(new ObjectRef("b", "dags/x.py"))).isEqualTo(root + "/b/dags/x.py");
    }

    @Test
    void listingsSkipTemporaryFilesOfWritesInProgress() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("dags"));
        Files.writeString(root.resolve("dags/finance_cashflow_1_a.py"), "a");
        Files.writeString(root.resolve("dags/.finance_cashflow_1_b.py.123" + FileSystemDagStore.TEMP_SUFFIX), "b");
        Files.writeString(root.resolve("dags/finance_cashflow_1_c.py.9" + FileSystemDagStore.TEMP_SUFFIX), "c");

        assertThat(store(root).list("", "dags/finance_cashflow_1_").get())
                .containsExactly("dags/finance_cashflow_1_a.py");
    }

    @Test
    void aMissingRootHasNothingAndIsCreatedByTheFirstWrite() throws IOException {
        Path root = temp.resolve("not-yet");
        FileSystemDagStore store = store(root);

        assertThat(store.head(new ObjectRef("", "staging/x.py")).get()).isEmpty();
        assertThat(store.list("", "dags/x").get()).isEmpty();
        assertThat(store.readiness(Set.of()).ready()).isFalse();
        assertThat(store.readiness(Set.of()).detail()).contains("does not exist");

        store.put(new ObjectRef("", "dags/x.py"), bytes("print(1)\n"), "text/x-python")
                .get();

        assertThat(Files.readString(root.resolve("dags/x.py"))).isEqualTo("print(1)\n");
        assertThat(store.readiness(Set.of()).ready()).isTrue();
    }

    @Test
    void deletingAFolderIsAConflict() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("dags/x.py"));

        assertThat(store(root).delete(new ObjectRef("", "dags/x.py")).getLeft())
                .isInstanceOf(UpstreamFailure.Conflict.class);
    }

    @Test
    void everyCallIsObserved() throws IOException {
        CollectingUpstreamObserver observer = new CollectingUpstreamObserver();
        FileSystemDagStore store = new FileSystemDagStore(root(), false, observer);

        store.head(new ObjectRef("", "dags/x.py"));
        store.put(new ObjectRef("", "../x.py"), bytes("x"), "text/x-python");

        assertThat(observer.calls())
                .extracting(call -> call.system() + " " + call.operation() + " " + call.target() + " " + call.outcome())
                .containsExactly("filesystem read dags/x.py ok", "filesystem write ../x.py unauthorized");
    }
}
