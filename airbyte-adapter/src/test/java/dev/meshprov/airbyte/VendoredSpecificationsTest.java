package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.airbyte.AirbyteSettings;
import dev.meshprov.core.airbyte.AirbyteSpec;
import dev.meshprov.core.airbyte.AirbyteTechnology;
import dev.meshprov.core.airbyte.AirbyteTestData;
import dev.meshprov.core.airbyte.ConnectorSpecification;
import dev.meshprov.core.airbyte.ConnectorSpecifications;
import dev.meshprov.core.airbyte.InMemoryAirbyteGateway;
import dev.meshprov.core.airbyte.SnowflakeSettings;
import dev.meshprov.core.airbyte.SpecViolation;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation judges File and Snowflake configurations by the connectors' vendored specifications: every rule comes
 * from them (formats, storages, the host pattern, required fields), a violation names its field and a fix, an
 * injected field names the server configuration key, and keys the specifications do not name pass through.
 */
class VendoredSpecificationsTest {

    private static final String SOURCE = "specific.source.connectionConfiguration.";
    private static final VendoredConnectorSpecifications SPECIFICATIONS = new VendoredConnectorSpecifications();
    private static final ConnectorSpecification FILE = SPECIFICATIONS
            .forDefinition(AirbyteSettings.DEFAULT_FILE_DEFINITION_ID)
            .orElseThrow();
    private static final ConnectorSpecification SNOWFLAKE = SPECIFICATIONS
            .forDefinition(AirbyteSettings.DEFAULT_SNOWFLAKE_DEFINITION_ID)
            .orElseThrow();

    static Stream<String> formatsOfTheVendoredSpecification() throws IOException {
        try (InputStream in = AirbyteContract.resource(VendoredConnectorSpecifications.FILE_SPEC)) {
            JsonNode formats = JsonMapper.builder()
                    .build()
                    .readTree(in)
                    .path("connectionSpecification")
                    .path("properties")
                    .path("format")
                    .path("enum");
            List<String> all = new ArrayList<>();
            formats.forEach(format -> all.add(format.asText()));
            assertThat(all).as("the vendored File formats").contains("csv", "fwf");
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formatsOfTheVendoredSpecification")
    void everyFormatTheConnectorListsIsValid(String format) {
        assertThat(valid(
                        technology(AirbyteTestData.snowflake(), SPECIFICATIONS),
                        template().set(SOURCE + "format", format)))
                .isTrue();
    }

    @Test
    void theAllowedFormatsAreReadFromTheSpecification() throws IOException {
        assertThat(FILE.allowedValues(List.of("format")))
                .containsExactlyElementsOf(formatsOfTheVendoredSpecification().toList());
    }

    @Test
    void aSnowflakeHostTheConnectorRefusesIsAValidationProblemOnTheConfigurationKey() {
        SnowflakeSettings badHost = AirbyteTestData.snowflakeOnHost("snowflake.internal.example.org");

        Problem problem =
                problems(technology(badHost, SPECIFICATIONS), template()).single();
        boolean validWithoutTheSpecification = valid(technology(badHost, ConnectorSpecifications.none()), template());

        assertThat(problem.field()).isEqualTo("airbyte.snowflake.host");
        assertThat(problem.message()).contains("does not match the regex pattern");
        assertThat(problem.solution())
                .contains("{account_name}.snowflakecomputing.com")
                .contains("correct airbyte.snowflake.host");
        assertThat(validWithoutTheSpecification)
                .as("without the connector's own rule the host is only refused by Airbyte, at create")
                .isTrue();
    }

    @Test
    void keysTheSpecificationsDoNotNameArePassedThrough() {
        AirbyteTechnology technology = technology(AirbyteTestData.snowflake(), SPECIFICATIONS);

        AirbyteSpec spec = technology
                .validate(
                        template()
                                .set(SOURCE + "a_newer_connector_option", "{depth: 3}")
                                .set(SOURCE + "provider.a_newer_provider_flag", "true")
                                .set("specific.destination.connectionConfiguration.a_newer_option", "x")
                                .request(),
                        Operation.VALIDATE)
                .get();

        assertThat(spec.pipeline().orElseThrow().source().configuration().has("a_newer_connector_option"))
                .isTrue();
    }

    @Test
    void anAlternativeIsJudgedByTheOneItsConstantChose() {
        ObjectNode configuration = AirbyteTestData.fileConfiguration("a");
        ((ObjectNode) configuration.get("provider")).put("user_agent", "no");

        List<SpecViolation> violations = FILE.violations(configuration);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.path()).containsExactly("provider", "user_agent");
            assertThat(violation.message()).isEqualTo("string found, boolean expected");
            assertThat(violation.hint()).contains("Write it as a boolean.");
        });
    }

    @Test
    void aConstantNoAlternativeHasListsTheAllowedOnes() {
        ObjectNode configuration = AirbyteTestData.fileConfiguration("a");
        ((ObjectNode) configuration.get("provider")).put("storage", "Dropbox");

        assertThat(FILE.violations(configuration)).singleElement().satisfies(violation -> {
            assertThat(violation.path()).containsExactly("provider", "storage");
            assertThat(violation.hint()).contains("Use one of: HTTPS, GCS, S3, AzBlob, SSH, SCP, SFTP.");
        });
    }

    @Test
    void incompleteCredentialsNameWhatTheirAlternativeLacks() {
        ObjectNode configuration = AirbyteTestData.snowflakeConfiguration();
        ((ObjectNode) configuration.get("credentials")).remove("private_key");

        assertThat(SNOWFLAKE.violations(configuration)).singleElement().satisfies(violation -> {
            assertThat(violation.path()).containsExactly("credentials", "private_key");
            assertThat(violation.message()).isEqualTo("is required but missing");
        });
    }

    @Test
    void aCompleteConfigurationHasNoViolation() {
        assertThat(SNOWFLAKE.violations(AirbyteTestData.snowflakeConfiguration()))
                .isEmpty();
        assertThat(SPECIFICATIONS.forDefinition("11111111-1111-1111-1111-111111111111"))
                .isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static AirbyteTechnology technology(SnowflakeSettings snowflake, ConnectorSpecifications specifications) {
        return new AirbyteTechnology(
                AirbyteTestData.settings().withSnowflake(snowflake),
                new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE),
                new Redactor(),
                java.time.Clock.systemUTC(),
                specifications);
    }

    private static AirbyteTestData.Descriptor template() {
        return AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE);
    }

    private static boolean valid(AirbyteTechnology technology, AirbyteTestData.Descriptor descriptor) {
        Validation<Seq<Problem>, AirbyteSpec> validation =
                technology.validate(descriptor.request(), Operation.VALIDATE);
        assertThat(validation.isValid())
                .as(
                        "problems: %s",
                        validation.isInvalid() ? validation.getError().map(Problem::describe) : "")
                .isTrue();
        return validation.isValid();
    }

    private static Seq<Problem> problems(AirbyteTechnology technology, AirbyteTestData.Descriptor descriptor) {
        Validation<Seq<Problem>, AirbyteSpec> validation =
                technology.validate(descriptor.request(), Operation.VALIDATE);
        assertThat(validation.isInvalid())
                .as("the descriptor should be invalid")
                .isTrue();
        return validation.getError();
    }
}
