package dev.meshprov.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.service.CallOptions;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Registration;
import dev.meshprov.core.service.Submission;
import dev.meshprov.core.service.Target;
import dev.meshprov.docs.embedding.EchoTechnologyProvider;
import dev.meshprov.docs.embedding.EmbeddingExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

    private final List<Snippets.Snippet> snippets = Snippets.snippets(guide());

    /** The guide; with {@code -Dmeshprov.docs.regenerate=true} its snippets are first rewritten from the sources. */
    private static String guide() {
        if (RepositoryFiles.regenerate()) {
            RepositoryFiles.write(
                    GUIDE,
                    Snippets.refreshed(RepositoryFiles.read(GUIDE), file -> RepositoryFiles.read(SOURCES + file)));
        }
        return RepositoryFiles.read(GUIDE);
    }

    @Test
    void every_snippet_is_the_region_of_the_compiled_source() {
        assertThat(snippets).isNotEmpty();
        for (Snippets.Snippet snippet : snippets) {
            Map<String, String> regions = Snippets.regions(RepositoryFiles.read(SOURCES + snippet.file()));
            assertThat(regions)
                    .as("%s has a region %s", snippet.file(), snippet.region())
                    .containsKey(snippet.region());
            assertThat(snippet.code())
                    .as(
                            "the snippet %s#%s of %s (refresh with -Dmeshprov.docs.regenerate=true)",
                            snippet.file(), snippet.region(), GUIDE)
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

    @Test
    void the_new_technology_example_plugs_into_the_provisioner(@TempDir Path workingDirectory) {
        EchoTechnologyProvider provider = new EchoTechnologyProvider();
        var section = JsonNodeFactory.instance.objectNode().put("greeting", "hello");
        Technology<?> echo = provider.create(
                        new ConfigSection("echo", section), TechnologyContext.of(Clock.systemUTC(), workingDirectory))
                .get();
        try (Provisioner provisioner = Provisioner.builder()
                .registration(Registration.enabled(provider.descriptor(), echo, ExecutionMode.SYNC))
                .build()) {
            Submission<ProvisioningStatus> done = provisioner.provision(
                    Target.technology("echo"), echoRequest("specific: {message: world}"), CallOptions.sync());
            assertThat(done).isInstanceOfSatisfying(Submission.Done.class, d -> {
                ProvisioningStatus status = (ProvisioningStatus) d.value();
                assertThat(status.state()).isEqualTo(OperationState.COMPLETED);
                assertThat(status.logs())
                        .anySatisfy(log -> assertThat(log.toString()).contains("hello world"));
            });

            Submission<ProvisioningStatus> rejected =
                    provisioner.provision(Target.technology("echo"), echoRequest("specific: {}"), CallOptions.sync());
            assertThat(rejected).isInstanceOfSatisfying(Submission.Rejected.class, r -> assertThat(r.problems())
                    .extracting(p -> ((Problem) p).field())
                    .containsExactly("dataProduct.components[urn:dmb:cmp:demo:echo:0:greeter].specific.message"));
        }
    }

    @Test
    void the_new_provider_example_reports_its_configuration_problems_by_key(@TempDir Path workingDirectory) {
        var section = JsonNodeFactory.instance.objectNode().put("greeting", " ");
        assertThat(new EchoTechnologyProvider()
                        .create(
                                new ConfigSection("echo", section),
                                TechnologyContext.of(Clock.systemUTC(), workingDirectory))
                        .getError())
                .extracting(Problem::field)
                .containsExactly("echo.greeting");
    }

    private static ProvisioningRequest echoRequest(String specific) {
        return ProvisioningRequest.ofComponentDescriptor(
                """
                dataProduct:
                  id: urn:dmb:dp:demo:echo:0
                  name: Echo
                  domain: demo
                  environment: development
                  version: 0.1.0
                  components:
                    - id: urn:dmb:cmp:demo:echo:0:greeter
                      name: Greeter
                      kind: workload
                      %s
                componentIdToProvision: urn:dmb:cmp:demo:echo:0:greeter
                """
                        .formatted(specific),
                false);
    }
}
