package dev.meshprov.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.MwaaTechnology;
import dev.meshprov.core.port.Operation;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioning scenarios on a folder: the embedded default (no {@code mwaa} section at all) with the example
 * component descriptor, in a fresh working directory.
 */
class FileSystemProvisioningTest extends ProvisioningScenarios {

    @TempDir
    Path workingDirectory;

    FileSystemProvisioningTest() {
        super("examples/mwaa-component.yaml", "staging/finance.cashflow.1.cashflow_daily.py", "copy", "write");
    }

    /** The embedded default configuration: a folder under the working directory. */
    @Override
    protected MwaaTechnology createTechnology() {
        return Configs.technology(null, Configs.context(workingDirectory, observer));
    }

    @Override
    protected void uploadStaging(String content) {
        try {
            Path staging = workingDirectory.resolve("airflow").resolve(stagingKey());
            Files.createDirectories(staging.getParent());
            Files.writeString(staging, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void removeStaging() {
        try {
            Files.delete(workingDirectory.resolve("airflow").resolve(stagingKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Optional<String> read(String key) {
        Path path = workingDirectory.resolve("airflow").resolve(key);
        try {
            return Files.exists(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theEmbeddedDefaultDeploysTheExampleUnderTheWorkingDirectory() {
        uploadStaging("print('cashflow')\n");

        provision();

        Path airflow = workingDirectory.resolve("airflow");
        assertThat(airflow.resolve("dags/finance_cashflow_1_cashflow_daily.py")).hasContent("print('cashflow')");
        assertThat(airflow.resolve("dags/finance_cashflow_1_descriptor.yaml")).exists();
        assertThat(log.lines())
                .contains(
                        "INFO [config] sourcePath: using 'staging/' from mwaa.environments.\"*\".sourcePath instead of"
                                + " the descriptor's 'source/'")
                .anyMatch(line -> line.startsWith("INFO [copy] Created DAG file "
                        + airflow.resolve("dags/finance_cashflow_1_cashflow_daily.py")));
        assertThat(technology().readiness().ready()).isTrue();
    }

    @Test
    void aProvisionInterruptedAfterTheDescriptorFileIsCompletedByTheNextWithoutLeftovers() throws IOException {
        uploadStaging("print('cashflow')\n");
        Path dags = workingDirectory.resolve("airflow/dags");
        Path blocker = Files.createDirectories(dags.resolve("finance_cashflow_1_cashflow_daily.py/blocker"));

        Either<UpstreamFailure, ProvisionResult> interrupted = technology().provision(spec(Operation.PROVISION), log);

        assertThat(interrupted.isLeft())
                .as("a directory stands where the DAG file goes")
                .isTrue();
        assertThat(dags.resolve("finance_cashflow_1_descriptor.yaml")).exists();
        Files.delete(blocker);
        Files.delete(blocker.getParent());

        provision();

        assertThat(dags.resolve("finance_cashflow_1_cashflow_daily.py")).hasContent("print('cashflow')");
        try (Stream<Path> files = Files.list(dags)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "finance_cashflow_1_cashflow_daily.py", "finance_cashflow_1_descriptor.yaml");
        }
    }

    @Test
    void theDescriptorsBucketIsIgnored() {
        uploadStaging("print(1)\n");

        assertThat(provision().info().orElseThrow().privateInfo())
                .doesNotContainKey("bucket")
                .containsEntry("store", "filesystem");
    }
}
