package dev.meshprov.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import dev.meshprov.core.testing.S3StubServers;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider: its descriptor, the embedded default and every configuration problem by key. */
class MwaaTechnologyProviderTest {

    @TempDir
    Path workingDirectory;

    private Seq<Problem> problems(String yaml) {
        Validation<Seq<Problem>, Technology<?>> created = Configs.create(yaml, workingDirectory);
        assertThat(created.isInvalid())
                .as("expected configuration problems, got %s", created)
                .isTrue();
        return created.getError();
    }

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(TechnologyProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(MwaaTechnologyProvider.class);
    }

    @Test
    void describesTheTechnology() {
        TechnologyDescriptor descriptor = new MwaaTechnologyProvider().descriptor();

        assertThat(descriptor.name()).isEqualTo("mwaa");
        assertThat(descriptor.displayName()).isEqualTo("Airflow on Amazon MWAA");
        assertThat(descriptor.defaultMode()).isEqualTo(ExecutionMode.SYNC);
        assertThat(descriptor.enabledByDefault()).isTrue();
        assertThat(descriptor.componentKinds()).containsExactly("workload");
        assertThat(descriptor.enableHint())
                .contains(
                        "mwaa.store",
                        "mwaa.s3.region",
                        "mwaa.allowedBuckets",
                        "mwaa.environments",
                        "mwaa.filesystem.root");
    }

    @Test
    void withoutASectionItUsesTheAirflowFolderOfTheWorkingDirectory() throws Exception {
        Technology<?> technology = Configs.create(null, workingDirectory).get();

        assertThat(technology.readiness().ready()).isFalse();
        assertThat(technology.readiness().detail())
                .contains(workingDirectory.resolve("airflow").toString());
        Files.createDirectories(workingDirectory.resolve("airflow"));
        assertThat(technology.readiness().ready()).isTrue();
    }

    @Test
    void anEmptySectionIsTheEmbeddedDefaultToo() {
        assertThat(Configs.create("{}", workingDirectory).isValid()).isTrue();
    }

    @Test
    void anotherRootIsResolvedAgainstTheWorkingDirectory() throws Exception {
        Files.createDirectories(workingDirectory.resolve("srv/airflow"));

        Technology<?> technology = Configs.create("filesystem:\n  root: srv/airflow\n", workingDirectory)
                .get();

        assertThat(technology.readiness().ready()).isTrue();
        assertThat(technology.readiness().detail())
                .contains(workingDirectory.resolve("srv/airflow").toString());
    }

    @Test
    void anS3StoreNeedsAtLeastOneBucket() {
        Seq<Problem> problems = problems("store: s3\ns3:\n  region: eu-west-1\n");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("mwaa.allowedBuckets");
            assertThat(problem.message()).contains("no environment names a bucket");
            assertThat(problem.solution()).contains("mwaa.environments.<environment>.bucket");
        });
    }

    @Test
    void anS3SectionSelectsTheS3Store() {
        Seq<Problem> problems = problems("s3:\n  region: eu-west-1\n");

        assertThat(problems.map(Problem::field)).containsExactly("mwaa.allowedBuckets");
    }

    @Test
    void anS3StoreWithAnEnvironmentBucketIsCreatedWithoutCallingS3() {
        CollectingUpstreamObserver observer = new CollectingUpstreamObserver();

        Validation<Seq<Problem>, Technology<?>> created = new MwaaTechnologyProvider(LocalS3.testCredentials())
                .create(
                        Configs.section("store: s3\ns3:\n  region: eu-west-1\n  endpoint: " + S3StubServers.closedPort()
                                + "\nenvironments:\n  '*':\n    bucket: finance-mwaa\n"),
                        Configs.context(workingDirectory, observer));

        assertThat(created.isValid()).as("%s", created).isTrue();
        assertThat(observer.calls()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # yaml                                                                   | key                               | message
            'store: s3\\nallowedBuckets: [b-1]\\n'                                   | mwaa.s3.region                    | is required for the S3 store
            's3: {region: eu-west-1, endpoint: ftp://x}\\nallowedBuckets: [b-1]'     | mwaa.s3.endpoint                  | not an absolute http(s) URL
            's3: {region: eu-west-1, callTimeout: 0s}\\nallowedBuckets: [b-1]'       | mwaa.s3.callTimeout               | longer than zero
            's3: {region: eu-west-1, maxAttempts: 0}\\nallowedBuckets: [b-1]'        | mwaa.s3.maxAttempts               | from 1 to 10
            's3: {region: eu-west-1}\\nallowedBuckets: [Bad_Bucket]'                 | mwaa.allowedBuckets               | not a valid S3 bucket name
            'store: s3\\ns3: {region: eu-west-1}\\nfilesystem: {root: x}\\nallowedBuckets: [b-1]' | mwaa.filesystem     | store is s3
            'store: filesystem\\ns3: {region: eu-west-1}'                            | mwaa.s3                           | store is filesystem
            'store: ftp'                                                             | mwaa.store                        | one of [s3, filesystem]
            'bukket: x'                                                              | mwaa.bukket                       | is not a known setting
            'environments: {dev: {destinationPath: ../dags/}}'                       | mwaa.environments.dev.destinationPath | contains '..'
            'environments: {dev: {sourcePath: /staging/}}'                           | mwaa.environments.dev.sourcePath  | absolute path
            'environments: {dev: {airflowUiUrl: airflow.example.org}}'               | mwaa.environments.dev.airflowUiUrl | not an absolute http(s) URL
            'environments: {dev: }'                                                  | mwaa.environments.dev             | is empty
            'filesystem: {root: ""}'                                                 | mwaa.filesystem.root              | is empty
            'legacyDottedNames: {cleanup: maybe}'                                    | mwaa.legacyDottedNames.cleanup    | true or false
            """)
    void reportsEveryConfigurationProblemByItsKey(String yaml, String key, String message) {
        Seq<Problem> problems = problems(yaml.replace("\\n", "\n"));

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo(key);
            assertThat(problem.message()).contains(message);
        });
    }

    @Test
    void reportsAllProblemsTogether() {
        Seq<Problem> problems = problems("store: s3\ns3: {maxAttempts: 20}\nenvironments: {dev: {sourcePath: ../x}}\n");

        assertThat(problems.map(Problem::field))
                .contains(
                        "mwaa.s3.region",
                        "mwaa.s3.maxAttempts",
                        "mwaa.environments.dev.sourcePath",
                        "mwaa.allowedBuckets");
    }
}
