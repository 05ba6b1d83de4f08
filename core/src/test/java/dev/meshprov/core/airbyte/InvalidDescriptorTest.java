package dev.meshprov.core.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.airbyte.AirbyteTestData.Descriptor;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule: one row per way a descriptor can be wrong, asserting the field path and the message. */
class InvalidDescriptorTest {

    private static final String COMPONENT =
            "dataProduct.components[urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload]";
    private static final String SOURCE = "specific.source.connectionConfiguration.";
    private static final String DESTINATION = "specific.destination.connectionConfiguration.";
    private static final String SCHEDULE = "specific.connection.schedule.";

    private final AirbyteTechnology technology = new AirbyteTechnology(
            AirbyteTestData.settings(), new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE), new Redactor());

    static Stream<Arguments> invalidDescriptors() {
        return Stream.of(
                // the three sections and their names
                row("missing source", d -> d.remove("specific.source"), "specific.source", "is required but missing"),
                row(
                        "source not an object",
                        d -> d.set("specific.source", "a text"),
                        "specific.source",
                        "must be an object"),
                row(
                        "missing source name",
                        d -> d.remove("specific.source.name"),
                        "specific.source.name",
                        "is required"),
                row(
                        "blank destination name",
                        d -> d.set("specific.destination.name", "'  '"),
                        "specific.destination.name",
                        "must not be blank"),
                row(
                        "numeric connection name",
                        d -> d.set("specific.connection.name", "42"),
                        "specific.connection.name",
                        "must be a string"),
                row(
                        "name too long",
                        d -> d.set("specific.source.name", "x".repeat(256)),
                        "specific.source.name",
                        "at most 255"),
                row(
                        "missing configuration",
                        d -> d.remove("specific.source.connectionConfiguration"),
                        "specific.source.connectionConfiguration",
                        "is required but missing"),
                row(
                        "configuration not an object",
                        d -> d.set("specific.destination.connectionConfiguration", "[1]"),
                        "specific.destination.connectionConfiguration",
                        "must be an object"),
                row(
                        "two configurations",
                        d -> d.set("specific.source.configuration", "{}"),
                        "specific.source.configuration",
                        "together with connectionConfiguration"),
                row(
                        "unknown source key",
                        d -> d.set("specific.source.sourceDefinitionId", "x"),
                        "specific.source.sourceDefinitionId",
                        "is not a setting meshprov knows"),
                row(
                        "definitionId not a UUID",
                        d -> d.set("specific.source.definitionId", "file"),
                        "specific.source.definitionId",
                        "not a UUID"),
                row(
                        "definitionId and type",
                        d -> d.set("specific.destination.definitionId", "424892c4-daac-4491-b35d-c6688ba547ba")
                                .set("specific.destination.destinationType", "snowflake"),
                        "specific.destination.destinationType",
                        "together with definitionId"),
                // File source
                row(
                        "plain http url",
                        d -> d.set(SOURCE + "url", "http://example.org/a.csv"),
                        SOURCE + "url",
                        "not an absolute https:// URL"),
                row(
                        "relative url",
                        d -> d.set(SOURCE + "url", "data/a.csv"),
                        SOURCE + "url",
                        "not an absolute https:// URL"),
                row("missing url", d -> d.remove(SOURCE + "url"), SOURCE + "url", "is required"),
                row("missing format", d -> d.remove(SOURCE + "format"), SOURCE + "format", "is required"),
                row("missing provider", d -> d.remove(SOURCE + "provider"), SOURCE + "provider", "is required"),
                row(
                        "missing storage",
                        d -> d.remove(SOURCE + "provider.storage"),
                        SOURCE + "provider.storage",
                        "is required"),
                row(
                        "storage not allowed",
                        d -> d.set(SOURCE + "provider.storage", "S3"),
                        SOURCE + "provider.storage",
                        "'S3', which meshprov's configuration does not allow"),
                row(
                        "blank dataset name",
                        d -> d.set(SOURCE + "dataset_name", "''"),
                        SOURCE + "dataset_name",
                        "must not be blank"),
                row(
                        "reader options as a map",
                        d -> d.set(SOURCE + "reader_options", "{sep: ';'}"),
                        SOURCE + "reader_options",
                        "must be a string holding a JSON object"),
                row(
                        "reader options not JSON",
                        d -> d.set(SOURCE + "reader_options", "'{sep: ;'"),
                        SOURCE + "reader_options",
                        "is not valid JSON"),
                // Snowflake destination
                row(
                        "invalid database",
                        d -> d.set(DESTINATION + "database", "my-db"),
                        DESTINATION + "database",
                        "'my-db', which is not valid: an unquoted Snowflake identifier"),
                row(
                        "invalid schema",
                        d -> d.set(DESTINATION + "schema", "1ST"),
                        DESTINATION + "schema",
                        "'1ST', which is not valid"),
                row(
                        "invalid default database",
                        d -> d.remove(DESTINATION + "database").setDataProduct("domain", "health-care"),
                        DESTINATION + "database",
                        "is not set, and its default 'HEALTH-CARE' (dataProduct.domain upper-cased) is not valid: "),
                row(
                        "invalid default schema",
                        d -> d.remove(DESTINATION + "schema").setDataProduct("name", "1st vaccinations"),
                        DESTINATION + "schema",
                        "is not set, and its default '1STVACCINATIONS_0' (dataProduct.name without spaces,"
                                + " upper-cased, and the major version) is not valid: "),
                row(
                        "credentials in descriptor",
                        d -> d.set(DESTINATION + "credentials", "{password: x}"),
                        DESTINATION + "credentials",
                        "Snowflake credentials come from the server configuration"),
                row(
                        "password in descriptor",
                        d -> d.set(DESTINATION + "password", "x"),
                        DESTINATION + "password",
                        "must not be in the descriptor"),
                row(
                        "host in descriptor",
                        d -> d.set(DESTINATION + "host", "evil.example.org"),
                        DESTINATION + "host",
                        "is set by the server configuration (airbyte.snowflake.host)"),
                row(
                        "no domain for the database default",
                        d -> d.remove(DESTINATION + "database").removeFromDataProduct("domain"),
                        "dataProduct.domain",
                        "is required to derive the Snowflake database"),
                row(
                        "invalid schema default",
                        d -> d.remove(DESTINATION + "schema").setDataProduct("name", "Vacc-ines"),
                        DESTINATION + "schema",
                        "default 'VACC-INES_0'"),
                row(
                        "no version for the schema default",
                        d -> d.remove(DESTINATION + "schema").removeFromDataProduct("version"),
                        "dataProduct.version",
                        "is required to derive the Snowflake schema"),
                row(
                        "no name for the schema default",
                        d -> d.remove(DESTINATION + "schema").removeFromDataProduct("name"),
                        "dataProduct.name",
                        "is required to derive the Snowflake schema"),
                // schedule
                row(
                        "unknown schedule type",
                        d -> d.set("specific.connection.schedule", "{type: hourly}"),
                        SCHEDULE + "type",
                        "'hourly', which is not one of [manual, cron]"),
                row(
                        "unix cron",
                        d -> d.set("specific.connection.schedule", "{type: cron, cronExpression: '30 6 * * *'}"),
                        SCHEDULE + "cronExpression",
                        "has 5 fields like a Unix cron, but Airbyte needs a Quartz cron"
                                + " expression with seconds first (seconds minutes hours day-of-month month day-of-week),"
                                + " e.g. '0 30 6 * * ?'"),
                row(
                        "hour out of range",
                        d -> d.set("specific.connection.schedule", "{type: cron, cronExpression: '0 0 25 * * ?'}"),
                        SCHEDULE + "cronExpression",
                        "invalid hours field (3rd, '25'): 25 is out of range 0-23"),
                row(
                        "both day fields",
                        d -> d.set("specific.connection.schedule", "{type: cron, cronExpression: '0 0 6 1 * MON'}"),
                        SCHEDULE + "cronExpression",
                        "sets both day-of-month ('1') and day-of-week ('MON')"),
                row(
                        "cron without expression",
                        d -> d.set("specific.connection.schedule", "{type: cron}"),
                        SCHEDULE + "cronExpression",
                        "is required when schedule.type is cron"),
                row(
                        "manual with expression",
                        d -> d.set("specific.connection.schedule", "{type: manual, cronExpression: '0 0 6 * * ?'}"),
                        SCHEDULE + "cronExpression",
                        "only used when schedule.type is cron"),
                row(
                        "unknown time zone",
                        d -> d.set(
                                "specific.connection.schedule",
                                "{type: cron, cronExpression: '0 0 6 * * ?', timeZone: Mars/Olympus}"),
                        SCHEDULE + "timeZone",
                        "'Mars/Olympus', which is not a time-zone id"),
                row(
                        "a time zone other than UTC beside a UTC suffix",
                        d -> d.set(
                                "specific.connection.schedule",
                                "{type: cron, cronExpression: '0 0 6 * * ? UTC', timeZone: Europe/Rome}"),
                        SCHEDULE + "timeZone",
                        "is 'Europe/Rome', but Airbyte schedules run in UTC"),
                row(
                        "unknown schedule key",
                        d -> d.set("specific.connection.schedule", "{type: manual, every: 1h}"),
                        SCHEDULE + "every",
                        "is not a setting meshprov knows"),
                // streams, namespace, status, sync
                row(
                        "streams not a list",
                        d -> d.set("specific.connection.streams", "vaccinations"),
                        "specific.connection.streams",
                        "must be a list"),
                row(
                        "no streams",
                        d -> d.set("specific.connection.streams", "[]"),
                        "specific.connection.streams",
                        "is empty"),
                row(
                        "stream without name",
                        d -> d.set("specific.connection.streams", "[{syncMode: full_refresh_append}]"),
                        "specific.connection.streams[0].name",
                        "is required"),
                row(
                        "unknown sync mode",
                        d -> d.set("specific.connection.streams", "[{name: a, syncMode: mirror}]"),
                        "specific.connection.streams[0].syncMode",
                        "'mirror', which is not one of"),
                row(
                        "repeated stream",
                        d -> d.set("specific.connection.streams", "[{name: a}, {name: a}]"),
                        "specific.connection.streams[1].name",
                        "repeats the stream 'a'"),
                row(
                        "primary key not paths",
                        d -> d.set("specific.connection.streams", "[{name: a, primaryKey: [id]}]"),
                        "specific.connection.streams[0].primaryKey[0]",
                        "must be a field path"),
                row(
                        "unknown namespace",
                        d -> d.set("specific.connection.namespaceDefinition", "schema"),
                        "specific.connection.namespaceDefinition",
                        "'schema', which is not one of"),
                row(
                        "custom format missing",
                        d -> d.set("specific.connection.namespaceDefinition", "custom_format"),
                        "specific.connection.namespaceFormat",
                        "is required when namespaceDefinition is custom_format"),
                row(
                        "format without custom",
                        d -> d.set("specific.connection.namespaceDefinition", "destination")
                                .set("specific.connection.namespaceFormat", "RAW"),
                        "specific.connection.namespaceFormat",
                        "only used when namespaceDefinition is custom_format"),
                row(
                        "unknown status",
                        d -> d.set("specific.connection.status", "paused"),
                        "specific.connection.status",
                        "'paused', which is not one of [active, inactive]"),
                row(
                        "sync flag not boolean",
                        d -> d.set("specific.connection.syncOnProvision", "'yes'"),
                        "specific.connection.syncOnProvision",
                        "must be true or false"),
                row(
                        "misspelt connection key",
                        d -> d.set("specific.connection.schedul", "{type: manual}"),
                        "specific.connection.schedul",
                        "is not a setting meshprov knows"),
                row(
                        "missing connection",
                        d -> d.remove("specific.connection"),
                        "specific.connection",
                        "is required but missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDescriptors")
    void isRejectedWithFieldAndFix(String name, UnaryOperator<Descriptor> change, String field, String message) {
        Seq<Problem> problems = invalid(technology.validate(
                change.apply(AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE))
                        .request(),
                Operation.VALIDATE));

        String expectedField = field.startsWith("dataProduct.") ? field : COMPONENT + "." + field;
        assertThat(problems.toJavaList())
                .as("problems: %s", problems.map(Problem::describe).mkString("; "))
                .anySatisfy(problem -> {
                    assertThat(problem.field()).isEqualTo(expectedField);
                    assertThat(problem.message()).contains(message);
                });
        assertThat(problems.toJavaList()).allSatisfy(problem -> {
            assertThat(problem.solution()).isNotBlank();
            assertThat(problem.isUpstream()).isFalse();
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var request = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .set(SOURCE + "url", "ftp://example.org/a.csv")
                .set("specific.source.definitionID", "778daa7c-feaf-4db6-96f3-70fd645acc77")
                .remove(SOURCE + "format")
                .set(DESTINATION + "database", "my-db")
                .set("specific.connection.schedule", "{type: cron, cronExpression: '0 0 6 * *'}")
                .set("specific.connection.status", "paused")
                .request();

        Seq<Problem> problems = invalid(technology.validate(request, Operation.VALIDATE));

        assertThat(problems.map(Problem::field).toJavaList())
                .containsExactlyInAnyOrder(
                        COMPONENT + ".specific.source.definitionID",
                        COMPONENT + "." + SOURCE + "url",
                        COMPONENT + "." + SOURCE + "format",
                        COMPONENT + "." + DESTINATION + "database",
                        COMPONENT + "." + SCHEDULE + "cronExpression",
                        COMPONENT + ".specific.connection.status");
    }

    @Test
    void twoComponentsMayNotShareAnEntityName() {
        Seq<Problem> problems = invalid(
                technology.validate(AirbyteTestData.request(AirbyteTestData.COLLIDING_NAMES), Operation.PROVISION));

        String component = "dataProduct.components[urn:dmb:cmp:healthcare:vaccinations:0:first]";
        assertThat(problems.map(Problem::field).toJavaList())
                .containsExactlyInAnyOrder(
                        component + ".specific.source.name", component + ".specific.connection.name");
        assertThat(problems.head().message())
                .contains("urn:dmb:cmp:healthcare:vaccinations:0:second")
                .contains("both would manage the same Airbyte");
    }

    @Test
    void unprovisioningStillRequiresTheNames() {
        var request = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .remove("specific.connection.name")
                .request();

        Seq<Problem> problems = invalid(technology.validate(request, Operation.UNPROVISION));

        assertThat(problems.map(Problem::field).toJavaList()).containsExactly(COMPONENT + ".specific.connection.name");
    }

    @Test
    void aSnowflakeDestinationNeedsServerCredentials() {
        AirbyteTechnology withoutCredentials = new AirbyteTechnology(
                AirbyteSettings.defaults(AirbyteTestData.WORKSPACE, AirbyteTestData.UI_URL),
                new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE),
                new Redactor());

        Seq<Problem> problems = invalid(
                withoutCredentials.validate(AirbyteTestData.request(AirbyteTestData.TEMPLATE), Operation.VALIDATE));

        assertThat(problems.toJavaList()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(COMPONENT + ".specific.destination.connectionConfiguration");
            assertThat(problem.message()).contains("meshprov's configuration has no Snowflake credentials");
            assertThat(problem.solution()).contains("airbyte.snowflake.password");
        });
    }

    private static Arguments row(String name, UnaryOperator<Descriptor> change, String field, String message) {
        return Arguments.of(name, change, field, message);
    }

    private static Seq<Problem> invalid(Validation<Seq<Problem>, AirbyteSpec> validation) {
        assertThat(validation.isInvalid())
                .as("the descriptor should be invalid")
                .isTrue();
        return validation.getError();
    }
}
