package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The artifacts a descriptor names: each one a plain S3 URI, and distinct file names in the job's files resource. */
class ArtifactFieldsTest {

    private final ProblemList problems = new ProblemList();
    private final ArtifactFields artifacts = new ArtifactFields(problems);

    private static FieldReader specific(Map<String, String> fields) {
        return FieldReader.of(new ObjectMapper().valueToTree(fields), "specific");
    }

    @Test
    void valid_artifacts_are_kept_in_the_order_read_with_their_field_and_role() {
        FieldReader specific = specific(Map.of("jar", "s3://bkt/app/app.jar"));

        artifacts.required(specific, "jar", ArtifactFields.JOB_SOURCE);
        artifacts.read("specific.jobConfig.dependencies[0]", "s3a://bkt/lib/dep.jar", ArtifactFields.DEPENDENCY, "fix");
        artifacts.read("specific.jobConfig.dependencies[1]", "https://bkt/x.jar", ArtifactFields.DEPENDENCY, "fix");

        assertThat(artifacts.asList())
                .extracting(ArtifactField::field, a -> a.uri().uri(), ArtifactField::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "specific.jar", "s3://bkt/app/app.jar", ArtifactFields.JOB_SOURCE),
                        org.assertj.core.groups.Tuple.tuple(
                                "specific.jobConfig.dependencies[0]",
                                "s3a://bkt/lib/dep.jar",
                                ArtifactFields.DEPENDENCY));
        assertThat(problems.asList()).extracting(Problem::field).containsExactly("specific.jobConfig.dependencies[1]");
    }

    @Test
    void a_file_name_used_twice_is_reported_on_the_later_field_naming_the_earlier() {
        artifacts.read("specific.jar", "s3://bkt/v1/app.jar", ArtifactFields.JOB_SOURCE, "fix");
        artifacts.read("specific.jobConfig.dependencies[0]", "s3://other/v2/app.jar", ArtifactFields.DEPENDENCY, "fix");

        artifacts.checkDistinctFileNames();

        assertThat(problems.asList()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("specific.jobConfig.dependencies[0]");
            assertThat(problem.message()).contains("app.jar", "s3://bkt/v1/app.jar (specific.jar)");
        });
    }

    @Test
    void the_requirements_file_goes_to_the_python_environment_so_its_name_may_repeat() {
        artifacts.read("specific.pythonFile", "s3://bkt/py/requirements.txt", ArtifactFields.JOB_SOURCE, "fix");
        artifacts.read(
                "specific.requirementsFile", "s3://bkt/env/requirements.txt", ArtifactFields.REQUIREMENTS, "fix");

        artifacts.checkDistinctFileNames();

        assertThat(problems.isEmpty()).isTrue();
    }
}
