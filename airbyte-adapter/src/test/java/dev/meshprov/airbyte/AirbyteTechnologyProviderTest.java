package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.airbyte.AirbyteTechnology;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Clock;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider: found by the service loader, checks its configuration, registers secrets, calls nothing. */
class AirbyteTechnologyProviderTest {

    private static final String WORKSPACE = "5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6";
    /** The two settings every configuration needs. */
    private static final String MINIMAL = "apiUrl: http://airbyte:8000/api/public\nworkspaceId: " + WORKSPACE + "\n";

    private final Redactor redactor = new Redactor();

    @Test
    void isFoundByTheServiceLoaderWithItsDescriptor() {
        TechnologyDescriptor descriptor = ServiceLoader.load(TechnologyProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(AirbyteTechnologyProvider.class::isInstance)
                .findFirst()
                .orElseThrow()
                .descriptor();

        assertThat(descriptor.name()).isEqualTo("airbyte");
        assertThat(descriptor.displayName()).isEqualTo("Airbyte");
        assertThat(descriptor.defaultMode()).isEqualTo(ExecutionMode.ASYNC);
        assertThat(descriptor.enabledByDefault()).isFalse();
        assertThat(descriptor.componentKinds()).isEqualTo(Set.of("workload"));
        assertThat(descriptor.enableHint())
                .contains("airbyte.enabled: true")
                .contains("airbyte.apiUrl")
                .contains("airbyte.workspaceId")
                .contains("airbyte.auth")
                .contains("airbyte.snowflake");
    }

    @Test
    void aMinimalConfigurationCreatesTheTechnologyWithoutCallingAirbyte() {
        try (FakeAirbyteServer server = FakeAirbyteServer.start()) {
            Validation<Seq<Problem>, Technology<?>> created =
                    create("apiUrl: " + server.apiUrl() + "\nworkspaceId: " + WORKSPACE + "\n");

            assertThat(created.get()).isInstanceOf(AirbyteTechnology.class);
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void everyConfigurationProblemIsReportedWithItsKey() {
        Seq<Problem> problems = create(
                        """
                        apiUrl: ftp://airbyte
                        workspaceId: default
                        environments: {production: {workspaceId: 42}}
                        auth: {type: clientCredentials, clientId: app, token: stray}
                        sourceDefinitionId: file
                        snowflake: {password: a-password, privateKey: a-key}
                        file: {readerOptions: 'not json', allowedStorages: [HTTPS, FTP]}
                        retries: {maxAttempts: 0, initialBackoff: 20s, maxBackoff: 1s}
                        """)
                .getError();

        assertThat(problems.map(Problem::field).toJavaList())
                .containsExactlyInAnyOrder(
                        "airbyte.apiUrl",
                        "airbyte.workspaceId",
                        "airbyte.environments.production.workspaceId",
                        "airbyte.auth.token",
                        "airbyte.auth.clientSecret",
                        "airbyte.sourceDefinitionId",
                        "airbyte.snowflake.host",
                        "airbyte.snowflake.username",
                        "airbyte.file.readerOptions",
                        "airbyte.file.allowedStorages[1]",
                        "airbyte.retries.maxAttempts",
                        "airbyte.retries.initialBackoff");
        assertThat(problems.toJavaList())
                .allSatisfy(problem -> assertThat(problem.solution()).isNotBlank());
        assertThat(problems.mkString()).doesNotContain("a-password").doesNotContain("a-key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing apiUrl|workspaceId: " + WORKSPACE + "|airbyte.apiUrl|is required but missing",
                "missing workspace|apiUrl: http://airbyte:8000/api/public|airbyte.workspaceId|is required but missing",
                "unknown key|apiUrl: http://a/api/public\\nworkspaceId: " + WORKSPACE
                        + "\\nworkspace: x|airbyte.workspace|is not a known setting",
                "bad duration|apiUrl: http://a/api/public\\nworkspaceId: " + WORKSPACE
                        + "\\ntimeouts: {read: soon}|airbyte.timeouts.read|which is not a duration",
                "unknown auth type|apiUrl: http://a/api/public\\nworkspaceId: " + WORKSPACE
                        + "\\nauth: {type: oauth}|airbyte.auth.type|not one of none, basic, bearer, clientCredentials",
                "basic without password|apiUrl: http://a/api/public\\nworkspaceId: " + WORKSPACE
                        + "\\nauth: {type: basic, username: u}|airbyte.auth.password|is required but missing",
                "bearer without token|apiUrl: http://a/api/public\\nworkspaceId: " + WORKSPACE
                        + "\\nauth: {type: bearer}|airbyte.auth.token|is required but missing",
            })
    void aSingleProblemNamesItsKey(String name, String yaml, String field, String message) {
        Seq<Problem> problems = create(yaml.replace("\\n", "\n")).getError();

        assertThat(problems.toJavaList()).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.message()).contains(message);
        });
    }

    @Test
    void secretsOfTheConfigurationAreRegisteredWithTheRedactor() {
        create(MINIMAL
                        + "auth: {type: clientCredentials, clientId: app, clientSecret: Provider-Canary-Secret}\n"
                        + "snowflake: {host: acme.snowflakecomputing.com, username: u,"
                        + " password: Provider-Canary-Password}\n")
                .get();

        assertThat(redactor.redact("secret Provider-Canary-Secret and Provider-Canary-Password"))
                .isEqualTo("secret *** and ***");
    }

    @Test
    void aSnowflakeHostTheConnectorRefusesIsAConfigurationProblemWithItsForm() {
        Seq<Problem> problems = create(
                        MINIMAL + "snowflake: {host: snowflake.internal.example.org, username: u, privateKey: k}\n")
                .getError();

        assertThat(problems.toJavaList()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("airbyte.snowflake.host");
            assertThat(problem.message()).contains("which the Snowflake connector refuses");
            assertThat(problem.solution()).contains("{account_name}.snowflakecomputing.com");
        });
    }

    @Test
    void theStoragesOfTheFileConnectorComeFromItsSpecification() {
        Seq<Problem> problems = create(MINIMAL + "file: {allowedStorages: [HTTPS, AzBlob, SCP, Dropbox]}\n")
                .getError();

        assertThat(problems.toJavaList()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("airbyte.file.allowedStorages[3]");
            assertThat(problem.solution()).contains("HTTPS, GCS, S3, AzBlob, SSH, SCP, SFTP");
        });
    }

    @Test
    void keyPairWithAPasswordIsValidUsesTheKeyPairAndWarnsOfThePassword() {
        Technology<?> technology = create(MINIMAL
                        + "snowflake: {host: acme.snowflakecomputing.com, username: u, password: Provider-Canary-P4ss,"
                        + " privateKey: Provider-Canary-Key}\n")
                .get();
        Technology<?> passwordOnly = create(
                        MINIMAL
                                + "snowflake: {host: acme.snowflakecomputing.com, username: u, password: Provider-Canary-P4ss}\n")
                .get();

        assertThat(technology.configurationWarnings())
                .singleElement()
                .asString()
                .contains("airbyte.snowflake.password is ignored")
                .doesNotContain("Provider-Canary");
        assertThat(passwordOnly.configurationWarnings())
                .singleElement()
                .asString()
                .contains("deprecated since destination-snowflake 5.0.0");
    }

    private Validation<Seq<Problem>, Technology<?>> create(String yaml) {
        try {
            ConfigSection section = new ConfigSection("airbyte", new YAMLMapper().readTree(yaml));
            return new AirbyteTechnologyProvider()
                    .create(section, TestGateways.context(Clock.systemUTC(), redactor, UpstreamObserver.none()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
