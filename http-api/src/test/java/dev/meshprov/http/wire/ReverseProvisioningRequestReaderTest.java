package dev.meshprov.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReverseProvisioningRequestReaderTest {

    private static Validation<Seq<Problem>, ReverseProvisioningRequest> read(String json) {
        return ReverseProvisioningRequestReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryFieldAndDefaultsTheObjectsToEmpty() {
        ReverseProvisioningRequest full =
                read("{\"useCaseTemplateId\": \"urn:x\", \"environment\": \"dev\", \"params\": {\"a\": 1},"
                                + " \"catalogInfo\": {\"kind\": \"Component\"}}")
                        .get();
        ReverseProvisioningRequest minimal = read("{\"useCaseTemplateId\": \"urn:x\", \"environment\": \"dev\"}")
                .get();

        assertThat(full.params().path("a").asInt()).isEqualTo(1);
        assertThat(full.catalogInfo().path("kind").asText()).isEqualTo("Component");
        assertThat(minimal.params().isObject()).isTrue();
        assertThat(minimal.params().isEmpty()).isTrue();
        assertThat(minimal.catalogInfo().isEmpty()).isTrue();
    }

    @Test
    void reportsEveryProblemWithItsField() {
        assertThat(read("{\"useCaseTemplateId\": 5, \"params\": [], \"catalogInfo\": \"x\"}")
                        .getError()
                        .map(Problem::describe))
                .containsExactly(
                        "useCaseTemplateId: must be a string, but is a number",
                        "environment: is required but missing",
                        "params: must be an object, but is a list",
                        "catalogInfo: must be an object, but is a string");
    }
}
