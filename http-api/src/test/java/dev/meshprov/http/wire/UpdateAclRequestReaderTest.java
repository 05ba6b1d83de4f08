package dev.meshprov.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.UpdateAclRequest;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateAclRequestReaderTest {

    private static Validation<Seq<Problem>, UpdateAclRequest> read(String json) {
        return UpdateAclRequestReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRefsAndProvisionInfo() {
        assertThat(
                        read("{\"refs\": [\"user:a\", \"group:b\"], \"provisionInfo\": {\"request\": \"{}\", \"result\": \"\"}}")
                                .get())
                .isEqualTo(new UpdateAclRequest(List.of("user:a", "group:b"), "{}", ""));
    }

    @Test
    void anEmptyRefsListRevokesEveryone() {
        assertThat(read("{\"refs\": [], \"provisionInfo\": {\"request\": \"x\", \"result\": \"ok\"}}")
                        .get()
                        .refs())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{} | refs: is required but missing; provisionInfo: is required but missing",
                "{\"refs\": \"user:a\", \"provisionInfo\": []} | refs: must be a list of strings, but is a string;"
                        + " provisionInfo: must be an object, but is a list",
                "{\"refs\": [\"user:a\", \"\", 3], \"provisionInfo\": {\"request\": 1, \"result\": null}}"
                        + " | refs[1]: must not be blank; refs[2]: must be a string, but is a number;"
                        + " provisionInfo.request: must be a string, but is a number;"
                        + " provisionInfo.result: is required but missing",
            })
    void reportsEveryProblemWithItsField(String json, String expected) {
        assertThat(read(json).getError().map(Problem::describe).mkString("; ")).isEqualTo(expected);
    }
}
