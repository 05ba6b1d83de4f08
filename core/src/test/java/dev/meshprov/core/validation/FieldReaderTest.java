package dev.meshprov.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

    private static FieldReader reader(String yaml) {
        JsonNode node = SafeYaml.withDefaults().parse(yaml, "x").get();
        return FieldReader.of(node, "dataProduct.components[c].specific");
    }

    private static Problem onlyProblem(io.vavr.control.Validation<io.vavr.collection.Seq<Problem>, ?> validation) {
        assertThat(validation.getError()).hasSize(1);
        return validation.getError().head();
    }

    @Test
    void readsRequiredText() {
        FieldReader specific = reader("dagName: x.py\nblank: ' '\nnumber: 3\nnothing: null");

        assertThat(specific.requiredText("dagName", "fix").get()).isEqualTo("x.py");
        assertThat(onlyProblem(specific.requiredText("missing", "Add it.")))
                .isEqualTo(
                        Problem.of("dataProduct.components[c].specific.missing", "is required but missing", "Add it."));
        assertThat(onlyProblem(specific.requiredText("nothing", "fix")).message())
                .isEqualTo("is required but missing");
        assertThat(onlyProblem(specific.requiredText("blank", "fix")).message()).isEqualTo("must not be blank");
        assertThat(onlyProblem(specific.requiredText("number", "fix")).message())
                .isEqualTo("must be a string, but is a number");
    }

    @Test
    void readsPositiveIntegers() {
        FieldReader specific = reader("cores: 2\nzero: 0\ntext: '2'\nfraction: 1.5\nhuge: 99999999999");

        assertThat(specific.optionalPositiveInt("cores", "fix").get()).contains(2);
        assertThat(specific.optionalPositiveInt("absent", "fix").get()).isEmpty();
        assertThat(onlyProblem(specific.optionalPositiveInt("zero", "fix")).message())
                .isEqualTo("must be greater than zero, but is 0");
        assertThat(onlyProblem(specific.optionalPositiveInt("text", "fix")).message())
                .isEqualTo("must be a whole number, but is a string (2)");
        assertThat(onlyProblem(specific.optionalPositiveInt("fraction", "fix")).message())
                .isEqualTo("must be a whole number, but is a number (1.5)");
        assertThat(onlyProblem(specific.optionalPositiveInt("huge", "fix")).message())
                .contains("must be a whole number");
    }

    @Test
    void reportsEveryBadElementOfAList() {
        FieldReader specific = reader("args: [a, 3, '', b]");

        List<Problem> problems =
                specific.optionalTextList("args", "fix").getError().asJava();

        assertThat(problems)
                .extracting(Problem::field)
                .containsExactly(
                        "dataProduct.components[c].specific.args[1]", "dataProduct.components[c].specific.args[2]");
    }

    @Test
    void readsNestedObjectsWithTheirPath() {
        FieldReader specific = reader("jobConfig: {driverCores: 1}\nflat: 3");

        FieldReader jobConfig = specific.requiredObject("jobConfig", "fix").get();
        assertThat(jobConfig.path("driverCores")).isEqualTo("dataProduct.components[c].specific.jobConfig.driverCores");
        assertThat(onlyProblem(specific.optionalObject("flat", "fix")).message())
                .isEqualTo("must be an object, but is a number");
        assertThat(specific.optionalBoolean("flat", "fix").isInvalid()).isTrue();
    }

    @Test
    void problemListReportsEverythingAtOnce() {
        ProblemList problems = new ProblemList();
        FieldReader specific = reader("a: 1");

        String a = problems.take(specific.requiredText("a", "fix"), "fallback");
        String b = problems.take(specific.requiredText("b", "fix"), "fallback");

        assertThat(a).isEqualTo("fallback");
        assertThat(b).isEqualTo("fallback");
        assertThat(problems.toValidation(() -> "value").getError()).hasSize(2);
    }
}
