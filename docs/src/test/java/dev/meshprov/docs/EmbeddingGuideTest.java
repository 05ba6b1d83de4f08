package dev.meshprov.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.port.Technology;
import dev.meshprov.docs.embedding.EmbeddingExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docs/embedding.md} shows the compiled example code unchanged, shows all of it, and the code works. */
class EmbeddingGuideTest {

    private static final String GUIDE = "docs/embedding.md";
    private static final String SOURCES = "docs/src/test/java/dev/meshprov/docs/embedding/";

    private final List<Snippets.Snippet> snippets = Snippets.snippets(RepositoryFiles.read(GUIDE));

    @Test
    void every_snippet_is_the_region_of_the_compiled_source() {
        assertThat(snippets).isNotEmpty();
        for (Snippets.Snippet snippet : snippets) {
            Map<String, String> regions = Snippets.regions(RepositoryFiles.read(SOURCES + snippet.file()));
            assertThat(regions)
                    .as("%s has a region %s", snippet.file(), snippet.region())
                    .containsKey(snippet.region());
            assertThat(snippet.code())
                    .as("the snippet %s#%s of %s", snippet.file(), snippet.region(), GUIDE)
                    .isEqualTo(regions.get(snippet.region()));
        }
    }

    @Test
    void every_region_of_the_sources_is_shown() throws IOException {
        Set<String> shown = new LinkedHashSet<>();
        snippets.forEach(s -> shown.add(s.file() + "#" + s.region()));
        try (Stream<Path> files = Files.list(RepositoryFiles.path(SOURCES))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Snippets.regions(Files.readString(file)).keySet().forEach(region -> assertThat(shown)
                        .contains(name + "#" + region));
            }
        }
    }

    @Test
    void the_example_provisions_the_example_dag_on_a_local_folder(@TempDir Path workingDirectory) throws IOException {
        Path airflow = workingDirectory.resolve("airflow");
        // staged under the data product prefix, as the CI pipeline of the component would upload it
        Path staged =
                Files.createDirectories(airflow.resolve("staging")).resolve("finance.cashflow.1.cashflow_daily.py");
        Files.copy(RepositoryFiles.path("examples/airflow/cashflow_daily.py"), staged);

        Technology<?> mwaa = EmbeddingExample.mwaaOnFolder(airflow, workingDirectory);
        ProvisioningStatus status =
                EmbeddingExample.provision(mwaa, RepositoryFiles.read("examples/mwaa-component.yaml"));

        assertThat(status.state()).as("%s", status).isEqualTo(OperationState.COMPLETED);
        assertThat(status.info()).isPresent();
        assertThat(status.logs()).isNotEmpty();
        try (Stream<Path> dags = Files.list(airflow.resolve("dags"))) {
            assertThat(dags.filter(p -> p.toString().endsWith(".py")).toList())
                    .singleElement()
                    .satisfies(dag -> assertThat(Files.readString(dag)).isEqualTo(Files.readString(staged)));
        }
    }
}
