package dev.meshprov.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.DescriptorKind;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What FILE may hold, and how each is turned into a request. */
class RequestInputTest {

    private static Validation<Seq<Problem>, ProvisioningRequest> read(String content, boolean removeData) {
        return RequestInput.read(content.getBytes(StandardCharsets.UTF_8), removeData);
    }

    @Test
    void aComponentDescriptorIsTheRequestsDescriptorAsWritten() {
        String yaml = "dataProduct:\n  id: x\n  components: []\ncomponentIdToProvision: y\n";

        ProvisioningRequest request = read(yaml, true).get();

        assertThat(request.descriptorKind()).isEqualTo(DescriptorKind.COMPONENT_DESCRIPTOR);
        assertThat(request.descriptor()).isEqualTo(yaml);
        assertThat(request.removeData()).isTrue();
    }

    @Test
    void aProvisioningRequestIsReadLikeTheHttpBodyAndRemoveDataCanOnlyBeForcedOn() {
        String json = "{\"descriptorKind\":\"COMPONENT_DESCRIPTOR\",\"descriptor\":\"dataProduct: {}\","
                + "\"latestEnrichedDescriptor\":\"dataProduct: {id: x}\",\"removeData\":true}";

        ProvisioningRequest asWritten = read(json, false).get();
        ProvisioningRequest forced = read(json.replace("\"removeData\":true", "\"removeData\":false"), true)
                .get();

        assertThat(asWritten.descriptor()).isEqualTo("dataProduct: {}");
        assertThat(asWritten.latestEnrichedDescriptor()).contains("dataProduct: {id: x}");
        assertThat(asWritten.removeData()).isTrue();
        assertThat(forced.removeData()).isTrue();
    }

    @Test
    void aBareDataProductIsWrappedUnderDataProduct() {
        ProvisioningRequest request =
                read("id: urn:dmb:dp:a:b:1\ncomponents: [{id: c}]\n", false).get();

        assertThat(request.descriptor())
                .isEqualTo("{\"dataProduct\":{\"id\":\"urn:dmb:dp:a:b:1\",\"components\":[{\"id\":\"c\"}]}}");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertThat(read("\uFEFFdataProduct: {}\n", false).get().descriptor()).isEqualTo("dataProduct: {}\n");
    }

    @Test
    void contentThatIsNotYamlIsAProblemAtDescriptor() {
        Seq<Problem> problems = read("a: [b\n", false).getError();

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.field())
                .isEqualTo("descriptor"));
    }

    @Test
    void aRequestWithMissingFieldsReportsEachField() {
        Seq<Problem> problems = read("{\"descriptorKind\": 3}", false).getError();

        assertThat(problems.map(Problem::field)).containsExactly("descriptorKind", "descriptor");
    }
}
