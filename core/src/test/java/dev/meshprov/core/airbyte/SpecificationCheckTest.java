package dev.meshprov.core.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the violations a connector's specification reports become problems: on the descriptor field, or on the server
 * configuration key of a field meshprov injects, once per field, after meshprov's own checks. The rules themselves
 * are the connectors' (the adapter judges by the vendored specifications); here a stand-in reports fixed violations.
 */
class SpecificationCheckTest {

    private static final String COMPONENT =
            "dataProduct.components[urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload]";
    private static final String SOURCE = "specific.source.connectionConfiguration.";

    @Test
    void aViolationOfTheDescriptorIsAProblemOnItsFieldWithTheHint() {
        Seq<Problem> problems = problems(
                AirbyteSettings.DEFAULT_FILE_DEFINITION_ID,
                new SpecViolation(
                        List.of("provider", "user_agent"),
                        "string found, boolean expected",
                        Optional.of("Use true or false.")));

        assertThat(problems.toJavaList()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(COMPONENT + "." + SOURCE + "provider.user_agent");
            assertThat(problem.message()).isEqualTo("breaks the rules of the stand-in: string found, boolean expected");
            assertThat(problem.solution()).startsWith("Use true or false.");
        });
    }

    @Test
    void aViolationOfAnInjectedFieldNamesTheServerConfigurationKey() {
        Seq<Problem> problems = problems(
                AirbyteSettings.DEFAULT_SNOWFLAKE_DEFINITION_ID,
                new SpecViolation(List.of("host"), "does not match the regex pattern", Optional.empty()));

        assertThat(problems.toJavaList()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("airbyte.snowflake.host");
            assertThat(problem.message()).startsWith("is injected as host and breaks the rules of the stand-in");
            assertThat(problem.solution()).contains("correct airbyte.snowflake.host in the meshprov configuration");
        });
    }

    @Test
    void aFieldMeshprovsOwnRulesReportedIsNotReportedAgain() {
        AirbyteTechnology technology = technology(
                AirbyteSettings.DEFAULT_FILE_DEFINITION_ID,
                new SpecViolation(List.of("url"), "integer found, string expected", Optional.empty()));

        Seq<Problem> problems = technology
                .validate(
                        AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                                .set(SOURCE + "url", "42")
                                .request(),
                        Operation.VALIDATE)
                .getError();

        assertThat(problems.map(Problem::field).toJavaList()).containsExactly(COMPONENT + "." + SOURCE + "url");
        assertThat(problems.head().message()).doesNotContain("stand-in");
    }

    @Test
    void anotherDefinitionIsNotJudgedByTheSpecification() {
        AirbyteTechnology technology = technology(
                "11111111-1111-1111-1111-111111111111",
                new SpecViolation(List.of("format"), "never reported", Optional.empty()));

        assertThat(technology
                        .validate(AirbyteTestData.request(AirbyteTestData.TEMPLATE), Operation.VALIDATE)
                        .isValid())
                .isTrue();
    }

    private static Seq<Problem> problems(String definitionId, SpecViolation violation) {
        var validation = technology(definitionId, violation)
                .validate(AirbyteTestData.request(AirbyteTestData.TEMPLATE), Operation.VALIDATE);
        assertThat(validation.isInvalid())
                .as("the stand-in's violation should be a problem")
                .isTrue();
        return validation.getError();
    }

    private static AirbyteTechnology technology(String definitionId, SpecViolation violation) {
        ConnectorSpecification standIn = new ConnectorSpecification() {
            @Override
            public String name() {
                return "the stand-in";
            }

            @Override
            public List<SpecViolation> violations(JsonNode configuration) {
                return List.of(violation);
            }

            @Override
            public List<String> allowedValues(List<String> path) {
                return List.of();
            }
        };
        Map<String, ConnectorSpecification> known = Map.of(definitionId, standIn);
        return new AirbyteTechnology(
                AirbyteTestData.settings(),
                new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE),
                new Redactor(),
                java.time.Clock.systemUTC(),
                id -> Optional.ofNullable(known.get(id)));
    }
}
