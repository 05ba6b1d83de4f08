package dev.meshprov.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.DescriptorKind;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.http.wire.ProvisioningRequestReader.RemoveData;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisioningRequestReaderTest {

    private static Validation<Seq<Problem>, ProvisioningRequest> read(String json, RemoveData rule) {
        return ProvisioningRequestReader.read(json.getBytes(StandardCharsets.UTF_8), rule);
    }

    @Test
    void readsEveryField() {
        Validation<Seq<Problem>, ProvisioningRequest> read = read(
                """
                {"descriptorKind": "COMPONENT_DESCRIPTOR", "descriptor": "dataProduct: {}",
                 "latestEnrichedDescriptor": "dataProduct: {id: x}", "removeData": true, "futureField": 1}
                """,
                RemoveData.REQUIRED);

        assertThat(read.get())
                .isEqualTo(new ProvisioningRequest(
                        DescriptorKind.COMPONENT_DESCRIPTOR,
                        "dataProduct: {}",
                        Optional.of("dataProduct: {id: x}"),
                        true));
    }

    @Test
    void removeDataDefaultsToFalseForValidationAndABlankEnrichedDescriptorIsAbsent() {
        Validation<Seq<Problem>, ProvisioningRequest> read = read(
                "{\"descriptorKind\": \"COMPONENT_DESCRIPTOR\", \"descriptor\": \"x: 1\", \"latestEnrichedDescriptor\": \"\"}",
                RemoveData.FALSE_WHEN_ABSENT);

        assertThat(read.get().removeData()).isFalse();
        assertThat(read.get().latestEnrichedDescriptor()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{} | descriptorKind: is required but missing; descriptor: is required but missing;"
                        + " removeData: is required but missing",
                "{\"descriptorKind\": null, \"descriptor\": null, \"removeData\": null} | descriptorKind: is required"
                        + " but missing; descriptor: is required but missing; removeData: is required but missing",
                "{\"descriptorKind\": \"component_descriptor\", \"descriptor\": \"x\", \"removeData\": false}"
                        + " | descriptorKind: is 'component_descriptor', which is not one of DATAPRODUCT_DESCRIPTOR,"
                        + " COMPONENT_DESCRIPTOR, DATAPRODUCT_DESCRIPTOR_WITH_RESULTS",
                "{\"descriptorKind\": [\"COMPONENT_DESCRIPTOR\"], \"descriptor\": \"x\", \"removeData\": false}"
                        + " | descriptorKind: must be one of DATAPRODUCT_DESCRIPTOR, COMPONENT_DESCRIPTOR,"
                        + " DATAPRODUCT_DESCRIPTOR_WITH_RESULTS, but is a list",
                "{\"descriptorKind\": \"COMPONENT_DESCRIPTOR\", \"descriptor\": \"  \", \"removeData\": 0}"
                        + " | descriptor: must not be blank; removeData: must be true or false, but is a number (0)",
                "{\"descriptorKind\": \"COMPONENT_DESCRIPTOR\", \"descriptor\": \"x\", \"removeData\": false,"
                        + " \"latestEnrichedDescriptor\": {}} | latestEnrichedDescriptor: must be a string, but is an"
                        + " object",
                "not json | body: is not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number,"
                        + " Array, Object or token 'null', 'true' or 'false') (line 1, column 1)",
                "{\"a\": 1} trailing | body: is not valid JSON",
                "\"a string\" | body: must be a JSON object, but is a string",
                "'   ' | body: is empty",
            })
    void reportsEveryProblemWithItsField(String json, String expected) {
        Validation<Seq<Problem>, ProvisioningRequest> read = read(json, RemoveData.REQUIRED);

        assertThat(read.getError().map(Problem::describe).mkString("; ")).startsWith(expected);
    }

    @Test
    void everyProblemHasAFix() {
        read("{\"descriptorKind\": 1}", RemoveData.REQUIRED)
                .getError()
                .forEach(problem -> assertThat(problem.solution()).isNotBlank());
    }
}
