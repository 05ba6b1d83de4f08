package dev.meshprov.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmark inputs: the repository's examples and a generated large data product. */
final class Fixtures {

    static final String MWAA_STAGING_FILE = "airflow/staging/finance.cashflow.1.cashflow_daily.py";

    private Fixtures() {}

    /** A file of the repository's {@code examples/} directory, e.g. {@code mwaa-component.yaml}. */
    static String example(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("example not on the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary working directory with the MWAA example's DAG staged, as its CI pipeline would. */
    static Path workingDirectoryWithStagedDag() {
        try {
            Path directory = Files.createTempDirectory("meshprov-bench");
            Path staging = directory.resolve(MWAA_STAGING_FILE);
            Files.createDirectories(staging.getParent());
            Files.writeString(staging, example("airflow/cashflow_daily.py"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory made by {@link #workingDirectoryWithStagedDag()}. */
    static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
