package dev.meshprov.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rich error bodies of the contract. */
class ErrorJsonTest {

    private static final String FIELD = "dataProduct.components[urn:dmb:cmp:d:p:0:c].specific.dagName";

    @Test
    void aRequestValidationErrorNamesTheComponentTheFirstFieldAndEveryProblemWithItsFix() {
        List<Problem> problems = List.of(
                Problem.of(FIELD, "is required but missing", "Set specific.dagName."),
                Problem.of("removeData", "must be true or false, but is a string", "Write true or false."));

        assertThat(WireJson.write(ErrorJson.requestValidationError("Cannot provision", Optional.empty(), problems)))
                .isEqualTo("{\"errors\":[\"" + FIELD + ": is required but missing (fix: Set specific.dagName.)\","
                        + "\"removeData: must be true or false, but is a string (fix: Write true or false.)\"],"
                        + "\"userMessage\":\"Cannot provision: " + FIELD + ": is required but missing (and 1 more"
                        + " problem).\",\"input\":\"urn:dmb:cmp:d:p:0:c\",\"inputErrorField\":\"" + FIELD + "\","
                        + "\"moreInfo\":{\"problems\":[\"" + FIELD + ": is required but missing\","
                        + "\"removeData: must be true or false, but is a string\"],"
                        + "\"solutions\":[\"Set specific.dagName.\",\"Write true or false.\"]}}");
    }

    @Test
    void withoutAComponentOrFieldThoseAreLeftOut() {
        String body = WireJson.write(ErrorJson.requestValidationError(
                "Cannot read", Optional.empty(), List.of(Problem.of("", "The body is empty", "Send a body."))));

        assertThat(body).doesNotContain("input").doesNotContain("null");
        assertThat(body).contains("\"userMessage\":\"Cannot read: The body is empty.\"");
    }

    @Test
    void aSystemErrorWithoutProblemsMakesItsReasonTheProblem() {
        assertThat(WireJson.write(ErrorJson.systemError(
                        "Provisioning failed",
                        "S3 PutObject failed (unauthorized): denied",
                        Optional.empty(),
                        List.of())))
                .isEqualTo("{\"error\":\"S3 PutObject failed (unauthorized): denied\",\"userMessage\":\"Provisioning"
                        + " failed: S3 PutObject failed (unauthorized): denied.\",\"moreInfo\":{\"problems\":[\"S3"
                        + " PutObject failed (unauthorized): denied\"],\"solutions\":[\"Fix the cause reported for the"
                        + " system named above, or wait until it is available, then send the same request again: the"
                        + " operation is idempotent.\"]}}");
    }
}
