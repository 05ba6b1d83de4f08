package dev.meshprov.http.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.service.Registration;
import dev.meshprov.http.testing.TestControls;
import dev.meshprov.http.testing.TestTechnologyProvider;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the configuration at start-up: the file, {@code MESHPROV_*} overrides and {@code ${VAR}} interpolation,
 * and every problem reported together, each naming its key.
 */
class ConfigLoadingTest {

    @TempDir
    Path directory;

    private Validation<Seq<Problem>, Application> start(String yaml, Map<String, String> env) throws IOException {
        Path file = Files.writeString(directory.resolve("meshprov.yaml"), yaml);
        return Bootstrap.start(Optional.of(file), env, options());
    }

    /** alpha (sync, enabled unless configured otherwise), beta (async) and gamma (both disabled by default). */
    private BootstrapOptions options() {
        TestControls controls = new TestControls();
        return BootstrapOptions.defaults()
                .withWorkingDirectory(directory)
                .withProviders(List.of(
                        new TestTechnologyProvider("alpha", ExecutionMode.SYNC, true, controls),
                        new TestTechnologyProvider("beta", ExecutionMode.ASYNC, false, controls),
                        new TestTechnologyProvider("gamma", ExecutionMode.SYNC, false, controls)));
    }

    @Test
    void theFileEnvironmentOverridesAndInterpolationCombine() throws IOException {
        Validation<Seq<Problem>, Application> started = start(
                """
                server:
                  port: 9000
                  maxBodyBytes: ${BODY_LIMIT:-65536}
                tasks:
                  shutdownGrace: 2s
                alpha:
                  password: ${ALPHA_PASSWORD}
                beta:
                  password: beta-secret
                """,
                Map.of(
                        "ALPHA_PASSWORD", "from-the-environment-42",
                        "MESHPROV_SERVER_PORT", "9100",
                        "MESHPROV_TASKS_WORKERS", "3",
                        "MESHPROV_ALPHA_MODE", "async"));

        assertThat(started.isValid()).as("%s", started).isTrue();
        try (Application application = started.get()) {
            MeshprovSettings settings = application.settings();
            assertThat(settings.server().port()).isEqualTo(9100);
            assertThat(settings.server().maxBodyBytes()).isEqualTo(65536);
            assertThat(settings.server().host()).isEqualTo("0.0.0.0");
            assertThat(settings.tasks().workers()).isEqualTo(3);
            assertThat(settings.tasks().shutdownGrace()).isEqualTo(Duration.ofSeconds(2));
            assertThat(application.provisioner().technologies())
                    .extracting(r -> r.name() + " " + (r.isEnabled() ? r.mode() : "disabled"))
                    .containsExactly("alpha ASYNC", "beta disabled", "gamma disabled");
            assertThat(application.redactor().redact("beta-secret")).isEqualTo("***");
            assertThat(application.redactor().redact("login with from-the-environment-42"))
                    .isEqualTo("login with ***");
        }
    }

    @Test
    void noFileMeansTheDefaults() {
        Validation<Seq<Problem>, Application> started =
                Bootstrap.start(Optional.empty(), Map.of("MESHPROV_ALPHA_PASSWORD", "x-secret"), options());

        assertThat(started.isValid()).as("%s", started).isTrue();
        try (Application application = started.get()) {
            assertThat(application.settings().server().port()).isEqualTo(8093);
            assertThat(application.settings().server().maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
            assertThat(application.settings().server().maxThreads()).isEqualTo(16);
            assertThat(application.provisioner().technologies())
                    .filteredOn(Registration::isEnabled)
                    .extracting(Registration::name)
                    .containsExactly("alpha");
        }
    }

    @Test
    void everyProblemIsReportedTogetherNamingItsKey() throws IOException {
        Validation<Seq<Problem>, Application> started = start(
                """
                servre:
                  port: 1
                server:
                  port: 70000
                  maxThreads: 2
                tasks:
                  workers: 0
                logging:
                  levle: debug
                alpha:
                  password: ${UNSET_PASSWORD}
                  pasword: typo
                beta:
                  mode: later
                routing:
                  zeta:
                    infrastructureTemplateIds: [urn:dmb:itm:zeta]
                """,
                Map.of());

        assertThat(started.isInvalid()).isTrue();
        assertThat(started.getError().map(Problem::field).toJavaList())
                .contains(
                        "servre",
                        "server.port",
                        "server.maxThreads",
                        "logging.levle",
                        "tasks.workers",
                        "alpha.password",
                        "alpha.pasword",
                        "beta.mode",
                        "routing.zeta");
        assertThat(started.getError()
                        .find(p -> p.field().equals("alpha.password"))
                        .get()
                        .message())
                .isEqualTo("refers to the environment variable UNSET_PASSWORD, which is not set");
    }

    @Test
    void aTreeLoadedFirstIsWiredWithItsLoadingProblemsAndItsSecretsCanBeMaskedBefore() throws IOException {
        Path file = Files.writeString(
                directory.resolve("meshprov.yaml"),
                "alpha:\n  password: ${UNSET_PASSWORD}\nbeta:\n  password: beta-secret\ntasks:\n  workers: 0\n");
        ConfigSource.Loaded loaded =
                ConfigSource.loadLeniently(Optional.of(file), Map.of()).get();

        Validation<Seq<Problem>, Application> created = Bootstrap.create(loaded, options());
        Redactor redactor = new Redactor();
        Bootstrap.registerSecrets(loaded.tree(), redactor);

        assertThat(created.getError().map(Problem::field)).containsExactly("alpha.password", "tasks.workers");
        assertThat(redactor.redact("login with beta-secret")).isEqualTo("login with ***");
    }

    @Test
    void anUnknownSectionIsAProblemListingTheKnownOnes() throws IOException {
        Validation<Seq<Problem>, Application> started =
                start("metrics: {enabled: true}\nalpha: {password: p-secret}\n", Map.of());

        assertThat(started.getError()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("metrics");
            assertThat(problem.message()).isEqualTo("is not a known section");
            assertThat(problem.solution()).startsWith("Use one of: ").contains("server", "alpha", "gamma");
        });
    }

    @Test
    void anUnknownKeyInsideASectionIsAProblemNamingIt() throws IOException {
        Validation<Seq<Problem>, Application> started =
                start("server:\n  maxBody: 10\nalpha:\n  password: p-secret\n", Map.of());

        assertThat(started.getError()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("server.maxBody");
            assertThat(problem.message()).isEqualTo("is not a known setting; did you mean server.maxBodyBytes?");
        });
    }

    @Test
    void anEnvironmentOverrideOfAnUnknownKeyIsReportedToo() {
        Validation<Seq<Problem>, Application> started = Bootstrap.start(
                Optional.empty(),
                Map.of("MESHPROV_ALPHA_PASSWORD", "p-secret", "MESHPROV_SERVER_PROT", "1"),
                options());

        assertThat(started.getError())
                .singleElement()
                .as("named by the variable that set it")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("MESHPROV_SERVER_PROT");
                    assertThat(problem.message())
                            .isEqualTo("sets server.prot, which is not a known setting; did you mean server.port?");
                });
    }

    @Test
    void aMissingFileIsAProblem() {
        Validation<Seq<Problem>, Application> started =
                Bootstrap.start(Optional.of(directory.resolve("absent.yaml")), Map.of(), options());

        assertThat(started.getError()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("absent.yaml does not exist"));
    }

    @Test
    void theFileIsFoundByOptionThenVariableThenWorkingDirectory() throws IOException {
        Path explicit = directory.resolve("explicit.yaml");
        Path named = directory.resolve("named.yaml");
        Map<String, String> env = Map.of(ConfigSource.CONFIG_VARIABLE, named.toString());

        assertThat(ConfigSource.locate(Optional.of(explicit), env, directory)).contains(explicit);
        assertThat(ConfigSource.locate(Optional.empty(), env, directory)).contains(named);
        assertThat(ConfigSource.locate(Optional.empty(), Map.of(), directory)).isEmpty();
        Files.writeString(directory.resolve(ConfigSource.DEFAULT_FILE), "server: {port: 1}\n");
        assertThat(ConfigSource.locate(Optional.empty(), Map.of(), directory))
                .contains(directory.resolve(ConfigSource.DEFAULT_FILE));
    }
}
