package dev.meshprov.core.airbyte;

import static dev.meshprov.core.airbyte.AirbyteTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Valid descriptors become the expected spec, with the server-side injections and defaults. */
class DescriptorReadingTest {

    private final InMemoryAirbyteGateway gateway =
            new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE, AirbyteTestData.PRODUCTION_WORKSPACE);
    private final AirbyteTechnology technology =
            new AirbyteTechnology(AirbyteTestData.settings(), gateway, new Redactor());

    @Test
    void thePublicTemplateWorksUnchanged() {
        AirbyteSpec spec = valid(technology.validate(request(AirbyteTestData.TEMPLATE), Operation.PROVISION));

        Pipeline pipeline = spec.pipeline().orElseThrow();
        assertThat(spec.workspaceId()).isEqualTo(AirbyteTestData.WORKSPACE);
        assertThat(spec.names())
                .isEqualTo(new EntityNames(
                        "healthcare.vaccinations.0.Vaccinations",
                        "healthcare.vaccinations.0.Snowflake",
                        "healthcare.vaccinations.0.File <> Snowflake"));
        assertThat(pipeline.source().definitionId()).contains(AirbyteSettings.DEFAULT_FILE_DEFINITION_ID);
        assertThat(pipeline.source().configuration().path("url").asText())
                .isEqualTo("https://example.org/data/vaccinations.csv");
        assertThat(pipeline.source().configuration().path("reader_options").asText())
                .isEqualTo(AirbyteSettings.DEFAULT_FILE_READER_OPTIONS);
        assertThat(pipeline.destination().definitionId()).contains(AirbyteSettings.DEFAULT_SNOWFLAKE_DEFINITION_ID);
        assertThat(pipeline.connection().schedule()).isEqualTo(Schedule.manual());
        assertThat(pipeline.connection().streams()).isEmpty();
        assertThat(pipeline.connection().syncOnProvision()).isFalse();
        assertThat(spec.notes()).isEmpty();
    }

    @Test
    void theSnowflakeDestinationGetsTheServerSettingsAndAnUpperCaseDatabase() {
        AirbyteSpec spec = valid(technology.validate(request(AirbyteTestData.TEMPLATE), Operation.PROVISION));

        var configuration = spec.pipeline().orElseThrow().destination().configuration();

        assertThat(configuration.path("database").asText()).isEqualTo("HEALTHCARE");
        assertThat(configuration.path("schema").asText()).isEqualTo("VACCINATIONS_0");
        assertThat(configuration.path("host").asText()).isEqualTo("acme.snowflakecomputing.com");
        assertThat(configuration.path("role").asText()).isEqualTo("AIRBYTE_ROLE");
        assertThat(configuration.path("warehouse").asText()).isEqualTo("AIRBYTE_WH");
        assertThat(configuration.path("username").asText()).isEqualTo("AIRBYTE_USER");
        assertThat(configuration.path("credentials").path("auth_type").asText()).isEqualTo("Username and Password");
        assertThat(configuration.path("credentials").path("password").asText())
                .isEqualTo(AirbyteTestData.SNOWFLAKE_PASSWORD);
        assertThat(configuration.has("loading_method")).isFalse();
        assertThat(spec.pipeline().orElseThrow().destination().toString())
                .doesNotContain(AirbyteTestData.SNOWFLAKE_PASSWORD);
        assertThat(spec.toString()).doesNotContain(AirbyteTestData.SNOWFLAKE_PASSWORD);
    }

    @Test
    void keyPairCredentialsAndALoadingMethodAreInjectedWhenConfigured() {
        SnowflakeSettings keyPair = new SnowflakeSettings(
                Optional.of("acme.snowflakecomputing.com"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("AIRBYTE_USER"),
                Optional.empty(),
                Optional.of("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"),
                Optional.of("key-passphrase"),
                Optional.of("Internal Staging"));
        AirbyteTechnology withKeyPair =
                new AirbyteTechnology(AirbyteTestData.settings().withSnowflake(keyPair), gateway, new Redactor());

        var configuration = valid(withKeyPair.validate(request(AirbyteTestData.TEMPLATE), Operation.PROVISION))
                .pipeline()
                .orElseThrow()
                .destination()
                .configuration();

        assertThat(configuration.path("credentials").path("auth_type").asText()).isEqualTo("Key Pair Authentication");
        assertThat(configuration.path("credentials").path("private_key").asText())
                .startsWith("-----BEGIN");
        assertThat(configuration
                        .path("credentials")
                        .path("private_key_password")
                        .asText())
                .isEqualTo("key-passphrase");
        assertThat(configuration.path("loading_method").path("method").asText()).isEqualTo("Internal Staging");
        assertThat(configuration.has("role")).isFalse();
        assertThat(keyPair.toString()).doesNotContain("MIIEvQ").doesNotContain("key-passphrase");
    }

    @Test
    void databaseAndSchemaDefaultFromTheDataProduct() {
        var configuration = destinationConfiguration(AirbyteTestData.EXTENDED);

        assertThat(configuration.path("database").asText()).isEqualTo("FINANCE");
        assertThat(configuration.path("schema").asText()).isEqualTo("CASHFLOW_1");
        assertThat(configuration.path("raw_data_schema").asText()).isEqualTo("AIRBYTE_INTERNAL");
    }

    @Test
    void theExtensionsAreRead() {
        AirbyteSpec spec = valid(technology.validate(request(AirbyteTestData.EXTENDED), Operation.PROVISION));

        ConnectionSpec connection = spec.pipeline().orElseThrow().connection();
        assertThat(spec.workspaceId()).isEqualTo(AirbyteTestData.PRODUCTION_WORKSPACE);
        assertThat(connection.schedule()).isEqualTo(Schedule.cron("0 0 5 * * ? UTC"));
        assertThat(connection.streams().orElseThrow()).containsExactly(StreamConfig.of("deals", "full_refresh_append"));
        assertThat(connection.namespaceDefinition()).contains("custom_format");
        assertThat(connection.namespaceFormat()).contains("CASHFLOW_RAW");
        assertThat(connection.status()).contains("inactive");
        assertThat(connection.syncOnProvision()).isTrue();
        assertThat(spec.pipeline()
                        .orElseThrow()
                        .source()
                        .configuration()
                        .path("encoding")
                        .asText())
                .as("unknown connector options are passed through")
                .isEqualTo("latin1");
    }

    @Test
    void aCronExpressionEndingInUtcIsSentWithOneUtcSuffix() {
        var request = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .set(
                        "specific.connection.schedule",
                        "{type: cron, cronExpression: '0 30 2 ? * MON-FRI UTC', timeZone: UTC}")
                .request();

        Schedule schedule = valid(technology.validate(request, Operation.PROVISION))
                .pipeline()
                .orElseThrow()
                .connection()
                .schedule();

        assertThat(schedule.cronExpression()).contains("0 30 2 ? * MON-FRI UTC");
    }

    @Test
    void withBothPasswordAndPrivateKeyTheKeyPairIsUsedAndThePasswordWarnedAbout() {
        SnowflakeSettings both = AirbyteTestData.snowflake(
                Optional.of(AirbyteTestData.SNOWFLAKE_PASSWORD), Optional.of(AirbyteTestData.SNOWFLAKE_PRIVATE_KEY));
        AirbyteTechnology withBoth =
                new AirbyteTechnology(AirbyteTestData.settings().withSnowflake(both), gateway, new Redactor());

        AirbyteSpec spec = valid(withBoth.validate(request(AirbyteTestData.TEMPLATE), Operation.PROVISION));

        var credentials =
                spec.pipeline().orElseThrow().destination().configuration().path("credentials");
        assertThat(credentials.path("auth_type").asText()).isEqualTo("Key Pair Authentication");
        assertThat(credentials.has("password")).isFalse();
        assertThat(spec.warnings()).isEmpty();
        assertThat(withBoth.configurationWarnings())
                .singleElement()
                .asString()
                .contains("airbyte.snowflake.password is ignored");
    }

    @Test
    void aPasswordOnlyIsWarnedAboutInTheConfigurationAndAtProvisioning() {
        AirbyteSpec spec = valid(technology.validate(request(AirbyteTestData.TEMPLATE), Operation.PROVISION));

        assertThat(spec.warnings()).containsExactly(SnowflakeSettings.PASSWORD_DEPRECATION);
        assertThat(technology.configurationWarnings()).containsExactly(SnowflakeSettings.PASSWORD_DEPRECATION);
        assertThat(SnowflakeSettings.PASSWORD_DEPRECATION)
                .contains("destination-snowflake 5.0.0")
                .contains("airbyte.snowflake.privateKey");
    }

    @Test
    void otherConnectorsAreNamedByTypeOrDefinitionAndPassedThrough() {
        AirbyteSpec spec = valid(technology.validate(request(AirbyteTestData.OTHER_CONNECTORS), Operation.PROVISION));

        Pipeline pipeline = spec.pipeline().orElseThrow();
        assertThat(pipeline.source().definitionId()).isEmpty();
        assertThat(pipeline.source().connectorType()).contains("postgres");
        assertThat(pipeline.source().configuration().has("reader_options")).isFalse();
        assertThat(pipeline.source()
                        .configuration()
                        .path("replication_method")
                        .path("method")
                        .asText())
                .isEqualTo("Standard");
        assertThat(pipeline.destination().definitionId()).contains("22f6c74f-5699-40ff-833c-4a879ea40133");
        assertThat(pipeline.destination().configuration().has("credentials")).isFalse();
        assertThat(pipeline.destination().configuration().has("host")).isFalse();
    }

    @Test
    void secretsWrittenInADescriptorAreMaskedFromThenOn() {
        Redactor redactor = new Redactor();
        AirbyteTechnology masking = new AirbyteTechnology(AirbyteTestData.settings(), gateway, redactor);
        var request = AirbyteTestData.descriptor(AirbyteTestData.OTHER_CONNECTORS)
                .set("specific.source.configuration.password", "Pg-Descriptor-Secret")
                .request();

        valid(masking.validate(request, Operation.PROVISION));

        assertThat(redactor.redact("connecting with Pg-Descriptor-Secret")).isEqualTo("connecting with ***");
    }

    @Test
    void readerOptionsOfTheDescriptorWinAndOnlyCsvGetsTheDefault() {
        var own = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .set("specific.source.connectionConfiguration.reader_options", "'{\"sep\": \";\"}'")
                .request();
        var json = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .set("specific.source.connectionConfiguration.format", "json")
                .request();

        assertThat(sourceConfiguration(own).path("reader_options").asText()).isEqualTo("{\"sep\": \";\"}");
        assertThat(sourceConfiguration(json).has("reader_options")).isFalse();
    }

    @Test
    void theLegacyDbtGitUrlIsAcceptedAndExplained() {
        var request = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .set("specific.connection.dbtGitUrl", "https://git.example.org/dbt.git")
                .request();

        AirbyteSpec spec = valid(technology.validate(request, Operation.PROVISION));

        assertThat(spec.notes()).singleElement().asString().contains("dbtGitUrl is ignored");
    }

    @Test
    void unprovisioningNeedsOnlyTheNames() {
        var broken = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .remove("specific.source.connectionConfiguration")
                .set("specific.connection.schedule", "{type: hourly}")
                .request();

        AirbyteSpec spec = valid(technology.validate(broken, Operation.UNPROVISION));

        assertThat(spec.pipeline()).isEmpty();
        assertThat(spec.names().source()).isEqualTo("healthcare.vaccinations.0.Vaccinations");
        assertThat(gateway.calls()).as("no online check for unprovisioning").isEmpty();
    }

    @Test
    void previousIdsAreUsedInTheSameWorkspaceOnly() {
        String sourceId = UUID.randomUUID().toString();
        var same = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .previousPrivateInfo(Map.of(
                        "workspaceId", AirbyteTestData.WORKSPACE, "sourceId", sourceId, "connectionId", "not-an-id"))
                .request();
        var moved = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .previousPrivateInfo(Map.of("workspaceId", UUID.randomUUID().toString(), "sourceId", sourceId))
                .request();

        AirbyteSpec sameSpec = valid(technology.validate(same, Operation.PROVISION));
        AirbyteSpec movedSpec = valid(technology.validate(moved, Operation.PROVISION));

        assertThat(sameSpec.knownIds())
                .isEqualTo(new KnownIds(Optional.of(sourceId), Optional.empty(), Optional.empty()));
        assertThat(sameSpec.notes()).singleElement().asString().contains("privateInfo.connectionId");
        assertThat(movedSpec.knownIds()).isEqualTo(KnownIds.none());
        assertThat(movedSpec.notes()).singleElement().asString().contains("looked up by name");
    }

    private com.fasterxml.jackson.databind.JsonNode sourceConfiguration(dev.meshprov.core.model.ComponentRequest r) {
        return valid(technology.validate(r, Operation.PROVISION))
                .pipeline()
                .orElseThrow()
                .source()
                .configuration();
    }

    /** The Snowflake destination's configuration that validating fixture {@code resource} for provisioning gives. */
    private com.fasterxml.jackson.databind.JsonNode destinationConfiguration(String resource) {
        return valid(technology.validate(request(resource), Operation.PROVISION))
                .pipeline()
                .orElseThrow()
                .destination()
                .configuration();
    }

    static AirbyteSpec valid(Validation<Seq<Problem>, AirbyteSpec> validation) {
        if (validation.isInvalid()) {
            throw new AssertionError("expected a valid descriptor, got "
                    + validation.getError().map(Problem::describe).mkString("\n"));
        }
        return validation.get();
    }
}
