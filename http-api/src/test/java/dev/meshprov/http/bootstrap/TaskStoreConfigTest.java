package dev.meshprov.http.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.http.testing.TestControls;
import dev.meshprov.http.testing.TestTechnologyProvider;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tasks} settings of the JDBC store: every problem at once, the password kept secret. */
class TaskStoreConfigTest {

    private static final String PASSWORD = "db-canary-9Wq4";

    @TempDir
    Path directory;

    private static Validation<Seq<Problem>, Application> create(String tasksYaml) {
        String yaml = "tasks:\n" + tasksYaml.indent(2) + "alpha: {password: alpha-secret}\n";
        return Bootstrap.create(
                SafeYaml.withDefaults().parse(yaml, "test").get(),
                BootstrapOptions.defaults()
                        .withProviders(List.of(
                                new TestTechnologyProvider("alpha", ExecutionMode.SYNC, true, new TestControls()))));
    }

    private static List<String> fields(Validation<Seq<Problem>, Application> created) {
        return created.getError().map(Problem::field).toJavaList();
    }

    @Test
    void everyProblemOfTheJdbcSettingsIsReportedTogether() {
        Validation<Seq<Problem>, Application> created = create(
                """
                store: jdbc
                jdbcUrl: "jdbc:postgresql://db:5432/meshprov"
                retention: 0s
                workers: 8
                poolSize: 4
                heartbeat: 10s
                lease: 15s
                """);

        assertThat(fields(created)).containsExactly("tasks.retention", "tasks.poolSize", "tasks.lease");
        assertThat(created.getError().get(1).solution()).startsWith("Use at least 10,");
    }

    @Test
    void anUnsupportedDatabaseIsAProblem() {
        Validation<Seq<Problem>, Application> created =
                create("store: jdbc\njdbcUrl: \"jdbc:mysql://db:3306/meshprov?password=x\"\n");

        assertThat(created.getError()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("tasks.jdbcUrl");
            assertThat(problem.message()).isEqualTo("uses an unsupported database (jdbc:mysql)");
        });
    }

    @Test
    void theJdbcStoreNeedsAUrl() {
        Validation<Seq<Problem>, Application> created = create("store: jdbc\n");

        assertThat(created.getError()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("tasks.jdbcUrl");
            assertThat(problem.message()).isEqualTo("is required when tasks.store is jdbc");
            assertThat(problem.solution()).contains("jdbc:postgresql://", "jdbc:h2:file:");
        });
    }

    @Test
    void aUrlWithTheMemoryStoreIsAProblem() {
        Validation<Seq<Problem>, Application> created = create("jdbcUrl: \"jdbc:postgresql://db/meshprov\"\n");

        assertThat(fields(created)).containsExactly("tasks.jdbcUrl");
    }

    @Test
    void anUnknownStoreIsAProblem() {
        assertThat(fields(create("store: redis\n"))).containsExactly("tasks.store");
    }

    @Test
    void anUnreachableDatabaseIsAProblemWithoutThePassword() {
        Validation<Seq<Problem>, Application> created = create(
                """
                store: jdbc
                jdbcUrl: "jdbc:h2:file:%s;IFEXISTS=TRUE"
                password: %s
                """
                        .formatted(directory.resolve("absent"), PASSWORD));

        assertThat(created.getError()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("tasks.jdbcUrl");
            assertThat(problem.message()).startsWith("cannot connect to the task database jdbc:h2:file:");
            assertThat(problem.toString()).doesNotContain(PASSWORD);
        });
    }

    @Test
    void anH2FileStoreStartsAndItsPasswordIsRedacted() {
        Validation<Seq<Problem>, Application> created = create(
                """
                store: jdbc
                jdbcUrl: "jdbc:h2:file:%s"
                password: %s
                """
                        .formatted(directory.resolve("tasks"), PASSWORD));

        try (Application application = created.get()) {
            assertThat(application.taskDatabase()).isPresent();
            assertThat(application.settings().tasks().poolSize()).isEqualTo(12);
            assertThat(application.redactor().redact("password is " + PASSWORD)).doesNotContain(PASSWORD);
            assertThat(application.settings().toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void theMemoryStoreIsTheDefault() {
        try (Application application = create("workers: 2\n").get()) {
            assertThat(application.settings().tasks().store()).isEqualTo(TaskSettings.TaskStoreKind.MEMORY);
            assertThat(application.taskDatabase()).isEmpty();
        }
    }
}
