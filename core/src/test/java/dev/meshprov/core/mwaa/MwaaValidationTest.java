package dev.meshprov.core.mwaa;

import static dev.meshprov.core.mwaa.MwaaFixtures.BUCKET;
import static dev.meshprov.core.mwaa.MwaaFixtures.COMPONENT;
import static dev.meshprov.core.mwaa.MwaaFixtures.SPECIFIC;
import static dev.meshprov.core.mwaa.MwaaFixtures.STAGING;
import static dev.meshprov.core.mwaa.MwaaFixtures.fixture;
import static dev.meshprov.core.mwaa.MwaaFixtures.settings;
import static dev.meshprov.core.mwaa.MwaaFixtures.technology;
import static dev.meshprov.core.mwaa.MwaaFixtures.withSpecific;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The static and online rules of {@code specific}, with the field path and message of every problem. */
class MwaaValidationTest {

    private final InMemoryDagStore store = InMemoryDagStore.withBuckets();
    private final MwaaTechnology technology = technology(settings(), store);

    private static final String VALID =
            """
            dagName: cashflow_daily.py
            sourcePath: source/
            destinationPath: dags/
            bucketName: finance-mwaa-dev
            scheduleCron: "0 6 * * *"
            """;

    private Seq<Problem> problems(ComponentRequest request, Operation operation) {
        Validation<Seq<Problem>, MwaaSpec> result = technology.validate(request, operation);
        assertThat(result.isInvalid()).as("expected problems, got %s", result).isTrue();
        return result.getError();
    }

    @Test
    void theTemplateOutputIsValidUnchanged() {
        store.seed(STAGING, "print('dag')\n");

        Validation<Seq<Problem>, MwaaSpec> result =
                technology.validate(fixture("template-output.yaml"), Operation.PROVISION);

        assertThat(result.isValid()).as("%s", result).isTrue();
        DagKeys keys = result.get().keys();
        assertThat(keys.bucket()).isEqualTo(BUCKET);
        assertThat(keys.stagingKey()).contains("source/finance.cashflow.1.cashflow_daily.py");
        assertThat(keys.dagKey()).isEqualTo("dags/finance_cashflow_1_cashflow_daily.py");
        assertThat(keys.descriptorKey()).isEqualTo("dags/finance_cashflow_1_descriptor.yaml");
        assertThat(result.get().dag().schedule()).contains("0 6 * * *");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # case                          | field            | value          | message
            dagName missing                 | dagName          | ~              | is required but missing
            dagName not a string            | dagName          | 42             | must be a string, but is a number
            dagName without .py             | dagName          | cashflow_daily | does not end in .py
            dagName in a sub-folder         | dagName          | team/daily.py  | sub-folders are not supported
            dagName with ..                 | dagName          | ..daily.py     | contains '..'
            dagName only .py                | dagName          | .py            | has no name before .py
            sourcePath missing              | sourcePath       | ~              | is required but missing
            sourcePath absolute             | sourcePath       | /source/       | absolute path
            sourcePath escaping             | sourcePath       | ../other/      | contains '..'
            sourcePath in the DAG folder    | sourcePath       | dags/staging/  | inside the DAG folder
            destinationPath missing         | destinationPath  | ~              | is required but missing
            destinationPath escaping        | destinationPath  | dags/../../x/  | contains '..'
            destinationPath on plugins.zip  | destinationPath  | plugins.zip/   | the environment's own plugins.zip
            destinationPath with backslash  | destinationPath  | dags\\prod     | contains '\\'
            bucketName missing              | bucketName       | ~              | is required but missing
            bucketName not allowed          | bucketName       | someone-else   | is 'someone-else', a bucket the configuration does not allow (allowed: finance-mwaa-dev, finance-mwaa-other)
            bucketName malformed            | bucketName       | Finance_MWAA   | not a valid S3 bucket name
            scheduleCron out of range       | scheduleCron     | 61 6 * * *     | invalid minute field (1st, '61')
            scheduleCron unknown preset     | scheduleCron     | @sometimes     | not an Airflow preset
            scheduleCron blank              | scheduleCron     | <blank>        | must not be blank
            """)
    void reportsTheFieldAndWhatIsWrong(String name, String field, String value, String message) {
        String specific =
                VALID.lines().filter(line -> !line.startsWith(field + ":")).reduce("", (a, b) -> a + b + "\n")
                        + (value.equals("~") ? "" : field + ": " + yamlScalar(value) + "\n");

        Seq<Problem> problems = problems(withSpecific(specific), Operation.VALIDATE);

        assertThat(problems).hasSize(1);
        assertThat(problems.head().field()).isEqualTo(SPECIFIC + "." + field);
        assertThat(problems.head().message()).contains(message);
        assertThat(problems.head().solution()).isNotBlank();
        assertThat(problems.head().isUpstream()).isFalse();
        assertThat(store.count("Head") + store.count("Exists"))
                .as("no online check of an invalid descriptor")
                .isZero();
    }

    /** Numbers as written, {@code <blank>} as a blank string, anything else single-quoted (no escapes). */
    private static String yamlScalar(String value) {
        if (value.matches("\\d+")) {
            return value;
        }
        return "'" + (value.equals("<blank>") ? " " : value.replace("'", "''")) + "'";
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Seq<Problem> problems = problems(
                withSpecific(
                        """
                        dagName: team/daily
                        sourcePath: /abs/
                        destinationPath: ../dags/
                        bucketName: someone-else
                        scheduleCron: "every day"
                        """),
                Operation.PROVISION);

        assertThat(problems.map(Problem::field))
                .containsExactlyInAnyOrder(
                        SPECIFIC + ".dagName",
                        SPECIFIC + ".sourcePath",
                        SPECIFIC + ".destinationPath",
                        SPECIFIC + ".bucketName",
                        SPECIFIC + ".scheduleCron");
    }

    @Test
    void aComponentIdWithoutPrefixIsReportedOnTheId() {
        Seq<Problem> problems = problems(fixture("component-id-with-five-segments.yaml"), Operation.VALIDATE);

        assertThat(problems).hasSize(1);
        assertThat(problems.head().field()).isEqualTo("dataProduct.components[urn:dmb:cmp:finance:cashflow].id");
        assertThat(problems.head().message()).contains("does not name a domain, data product and major version");
    }

    @Test
    void aMissingStagingFileIsReportedWithItsKey() {
        Seq<Problem> problems = problems(fixture("template-output.yaml"), Operation.VALIDATE);

        assertThat(problems).hasSize(1);
        Problem problem = problems.head();
        assertThat(problem.field()).isEqualTo(SPECIFIC + ".dagName");
        assertThat(problem.message())
                .contains("mem://finance-mwaa-dev/source/finance.cashflow.1.cashflow_daily.py")
                .contains("does not exist");
        assertThat(problem.isUpstream()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = Operation.class,
            names = {"VALIDATE", "PROVISION"})
    void theStagingCheckAsksWhetherTheFileExistsWithoutReadingIt(Operation operation) {
        store.seed(STAGING, "print('dag')\n");

        assertThat(technology
                        .validate(fixture("template-output.yaml"), operation)
                        .isValid())
                .isTrue();
        problems(withSpecific(VALID.replace("cashflow_daily.py", "not_uploaded.py")), operation);

        assertThat(store.count("Exists")).isEqualTo(2);
        assertThat(store.count("Head"))
                .as("reads of the content: %s", store.calls())
                .isZero();
    }

    @Test
    void aStagingCheckThatCouldNotBeMadeIsAnUpstreamProblem() {
        store.failWhen(
                call -> call.startsWith("Exists "),
                UpstreamFailure.Unauthorized.forbidden("memory", "HeadObject", "AccessDenied: Access Denied"));

        Seq<Problem> problems = problems(fixture("template-output.yaml"), Operation.PROVISION);

        assertThat(problems).hasSize(1);
        assertThat(problems.head().isUpstream()).isTrue();
        assertThat(problems.head().upstream()).containsInstanceOf(UpstreamFailure.Unauthorized.class);
        assertThat(problems.head().message()).contains("AccessDenied");
        assertThat(problems.head().solution()).contains("s3:GetObject");
    }

    @Test
    void missingCredentialsAreFixedWithCredentialsNotWithTheNetwork() {
        store.failWhen(
                call -> call.startsWith("Exists "),
                new UpstreamFailure.Unauthorized("memory", "HeadObject", "no AWS credentials found: set ..."));

        Seq<Problem> problems = problems(fixture("template-output.yaml"), Operation.PROVISION);

        assertThat(problems.head().solution()).contains("credentials").doesNotContain("network");
    }

    @ParameterizedTest
    @EnumSource(
            value = Operation.class,
            names = {"UNPROVISION", "UPDATE_ACL"})
    void unprovisioningNeedsNeitherTheStagingFileNorSourcePathNorSchedule(Operation operation) {
        ComponentRequest request = withSpecific(
                """
                dagName: cashflow_daily.py
                sourcePath: /not/checked/
                destinationPath: dags/
                bucketName: finance-mwaa-dev
                scheduleCron: "not checked"
                """);

        Validation<Seq<Problem>, MwaaSpec> result = technology.validate(request, operation);

        assertThat(result.isValid()).as("%s", result).isTrue();
        assertThat(result.get().keys().stagingKey()).isEmpty();
        assertThat(store.calls()).isEmpty();
    }

    @Test
    void unprovisioningStillChecksTheBucketAndTheDagFolder() {
        ComponentRequest request = withSpecific(
                """
                dagName: cashflow_daily.py
                destinationPath: ../dags/
                bucketName: someone-else
                """);

        assertThat(problems(request, Operation.UNPROVISION).map(Problem::field))
                .containsExactlyInAnyOrder(SPECIFIC + ".destinationPath", SPECIFIC + ".bucketName");
    }

    @Test
    void aFolderStoreIgnoresTheBucket() {
        InMemoryDagStore folder = InMemoryDagStore.withoutBuckets();
        folder.seed(new ObjectRef("", "source/finance.cashflow.1.cashflow_daily.py"), "print(1)\n");
        ComponentRequest request = withSpecific(
                """
                dagName: cashflow_daily.py
                sourcePath: source/
                destinationPath: dags/
                bucketName: Not_A_Bucket
                """);

        Validation<Seq<Problem>, MwaaSpec> result =
                technology(settings(), folder).validate(request, Operation.PROVISION);

        assertThat(result.isValid()).as("%s", result).isTrue();
        assertThat(result.get().keys().bucket()).isEmpty();
    }

    @Test
    void theSpecRecordsWhatItWasValidatedFor() {
        store.seed(STAGING, "print(1)\n");
        assertThat(technology
                        .validate(fixture("template-output.yaml"), Operation.PROVISION)
                        .get()
                        .validatedFor())
                .isEqualTo(Operation.PROVISION);
        assertThat(COMPONENT)
                .isEqualTo(fixture("template-output.yaml").component().id());
    }
}
