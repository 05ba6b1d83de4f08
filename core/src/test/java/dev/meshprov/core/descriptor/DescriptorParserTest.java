package dev.meshprov.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.DescriptorKind;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.testing.TestRequests;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptorParserTest {

    private final DescriptorParser parser = new DescriptorParser(SafeYaml.withDefaults());

    private Validation<Seq<Problem>, ComponentRequest> parseFixture(String fixture) {
        return parser.parse(ProvisioningRequest.ofComponentDescriptor(
                TestRequests.resource("descriptors/" + fixture + ".yaml"), false));
    }

    @Test
    void findsTheComponentToProvision() {
        ComponentRequest request = parseFixture("valid-component").get();

        assertThat(request.component().id()).isEqualTo("urn:dmb:cmp:finance:cashflow:1:orchestration");
        assertThat(request.component().specific().path("dagName").asText()).isEqualTo("cashflow_daily.py");
        assertThat(request.dataProduct().domain()).contains("finance");
        assertThat(request.dataProduct().majorVersion()).contains("1");
        assertThat(request.previousInfo().isMissingNode()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            missing-component-id-to-provision | componentIdToProvision | is required but missing
            component-id-to-provision-not-a-string | componentIdToProvision | must be a non-blank string, but is a list
            no-matching-component | componentIdToProvision | dataProduct.components has no component with that id (ids: urn:dmb:cmp:finance:cashflow:1:orchestration)
            several-matching-components | dataProduct.components | has 2 components with the id urn:dmb:cmp:finance:cashflow:1:orchestration
            missing-kind | dataProduct.components[urn:dmb:cmp:finance:cashflow:1:orchestration].kind | is required but missing
            missing-specific | dataProduct.components[urn:dmb:cmp:finance:cashflow:1:orchestration].specific | is required but missing
            specific-not-an-object | dataProduct.components[urn:dmb:cmp:finance:cashflow:1:orchestration].specific | must be an object, but is a string
            missing-data-product | dataProduct | is required but missing
            components-not-a-list | dataProduct.components | must be a list, but is a string
            not-a-map | descriptor | must be a YAML map with dataProduct and componentIdToProvision, but is a list
            syntax-error | descriptor | is not valid YAML
            duplicate-key | descriptor | duplicate key 'id' (line 3, column 3)
            billion-laughs | descriptor | is not accepted
            doubling-aliases | descriptor | expands to more than
            class-instantiation-tag | descriptor | Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager
            custom-tag | descriptor | the YAML tag !custom is not accepted
            recursive-alias | descriptor | recursive alias
            too-deep | descriptor | is not accepted
            """)
    void reportsEachDescriptorProblemWithItsFieldPath(String fixture, String field, String message) {
        Validation<Seq<Problem>, ComponentRequest> parsed = parseFixture(fixture);

        assertThat(parsed.isInvalid()).as("%s must be invalid", fixture).isTrue();
        assertThat(parsed.getError()).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.message()).contains(message);
            assertThat(problem.solution()).isNotBlank();
            assertThat(problem.isUpstream()).isFalse();
        });
    }

    @Test
    void reportsEveryStructuralProblemTogether() {
        Validation<Seq<Problem>, ComponentRequest> parsed =
                parser.parse(ProvisioningRequest.ofComponentDescriptor("dataProduct: 3\n", false));

        assertThat(parsed.getError())
                .extracting(Problem::field)
                .containsExactly("dataProduct", "componentIdToProvision");
    }

    @Test
    void refusesADataProductDescriptor() {
        ProvisioningRequest request = new ProvisioningRequest(
                DescriptorKind.DATAPRODUCT_DESCRIPTOR,
                TestRequests.resource("descriptors/valid-component.yaml"),
                Optional.empty(),
                false);

        Seq<Problem> problems = parser.parse(request).getError();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("descriptorKind");
            assertThat(problem.message()).contains("DATAPRODUCT_DESCRIPTOR").contains("one component at a time");
        });
    }

    @Test
    void refusesAnEmptyDescriptor() {
        Seq<Problem> problems = parser.parse(ProvisioningRequest.ofComponentDescriptor("  \n", false))
                .getError();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("descriptor");
            assertThat(problem.message()).isEqualTo("is empty");
        });
    }

    @Test
    void theComponentOverrideReplacesComponentIdToProvision() {
        String descriptor = TestRequests.resource("descriptors/missing-component-id-to-provision.yaml");

        ComponentRequest request = parser.parse(
                        ProvisioningRequest.ofComponentDescriptor(descriptor, false),
                        Optional.of("urn:dmb:cmp:finance:cashflow:1:orchestration"))
                .get();

        assertThat(request.component().name()).contains("Orchestration");
    }

    @Test
    void readsThePreviousInfoOfTheComponentFromTheLatestEnrichedDescriptor() {
        String enriched =
                """
                dataProduct:
                  components:
                    - id: urn:dmb:cmp:finance:cashflow:1:other
                      info: {privateInfo: {dagKey: wrong}}
                    - id: urn:dmb:cmp:finance:cashflow:1:orchestration
                      info:
                        publicInfo: {}
                        privateInfo: {dagKey: dags/x.py, version: 3}
                """;
        ProvisioningRequest request = new ProvisioningRequest(
                DescriptorKind.COMPONENT_DESCRIPTOR,
                TestRequests.resource("descriptors/valid-component.yaml"),
                Optional.of(enriched),
                true);

        ComponentRequest parsed = parser.parse(request).get();

        assertThat(parsed.previousPrivateValue("dagKey")).contains("dags/x.py");
        assertThat(parsed.previousPrivateValue("version")).contains("3");
        assertThat(parsed.removeData()).isTrue();
    }

    @Test
    void aMalformedLatestEnrichedDescriptorIsAProblemOfThatField() {
        ProvisioningRequest request = new ProvisioningRequest(
                DescriptorKind.COMPONENT_DESCRIPTOR,
                TestRequests.resource("descriptors/valid-component.yaml"),
                Optional.of("dataProduct: [unclosed"),
                false);

        assertThat(parser.parse(request).getError())
                .singleElement()
                .extracting(Problem::field)
                .isEqualTo("latestEnrichedDescriptor");
    }
}
