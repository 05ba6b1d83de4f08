package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.cde.testing.CdeFixtures;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.testing.TestRequests;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The static and online rules of a CDE component, through {@link CdeTechnology#validate}. */
class CdeValidationTest {

    private static final String COMPONENT = "dataProduct.components[urn:dmb:cmp:finance:cashflow:1:cashflow-job]";
    private static final String IDENTITY =
            """
            cdeService: finance-de
            cdeCluster: finance-vc
            jobName: finance-cashflow-1-cashflow-job-development
            """;
    private static final String JVM = IDENTITY
            + """
            jar: s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar
            className: org.example.cashflow.CashflowJob
            """;
    private static final String PY = IDENTITY
            + """
            pythonFile: s3://finance-artifacts/py/report.py
            pythonVersion: python3
            """;

    private final CdeWorld world = new CdeWorld();

    /** A component descriptor whose {@code specific} is {@code specificYaml}. */
    static ComponentRequest withSpecific(String specificYaml) {
        String specific = specificYaml.lines().map(line -> "        " + line).collect(Collectors.joining("\n"));
        return TestRequests.componentRequest(
                """
                dataProduct:
                  id: urn:dmb:dp:finance:cashflow:1
                  environment: development
                  components:
                    - id: urn:dmb:cmp:finance:cashflow:1:cashflow-job
                      kind: workload
                      specific:
                %s
                componentIdToProvision: urn:dmb:cmp:finance:cashflow:1:cashflow-job
                """
                        .formatted(specific));
    }

    private Seq<Problem> problems(ComponentRequest request) {
        Validation<Seq<Problem>, CdeSpec> validation = world.validate(request, Operation.VALIDATE);
        assertThat(validation.isInvalid()).as("expected problems").isTrue();
        return validation.getError();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm-job.yaml", "pyspark-job.yaml", "pyspark-env-job.yaml"})
    void the_template_shapes_are_valid_unchanged(String fixture) {
        Validation<Seq<Problem>, CdeSpec> validation = world.validate(CdeFixtures.fixture(fixture), Operation.VALIDATE);

        assertThat(validation.isValid())
                .as(() -> String.valueOf(validation.getError()))
                .isTrue();
    }

    @Test
    void the_shape_follows_the_fields_present() {
        assertThat(application("jvm-job.yaml")).isInstanceOf(SparkApplication.Jvm.class);
        assertThat(application("pyspark-job.yaml")).isInstanceOf(SparkApplication.PySpark.class);
        assertThat(application("pyspark-env-job.yaml"))
                .isEqualTo(new SparkApplication.PySparkWithEnv(
                        ArtifactUri.parse("s3://finance-artifacts/py/scoring.py")
                                .orElseThrow(),
                        "python3",
                        ArtifactUri.parse("s3://finance-artifacts/py/requirements.txt")
                                .orElseThrow(),
                        java.util.Optional.of("https://pypi.mirror.example/simple")));
    }

    private SparkApplication application(String fixture) {
        return world.spec(CdeFixtures.fixture(fixture), Operation.VALIDATE)
                .workload()
                .orElseThrow()
                .application();
    }

    @Test
    void defaults_apply_and_conf_values_become_strings() {
        JobConfig py = world.spec(CdeFixtures.fixture("pyspark-job.yaml"), Operation.PROVISION)
                .workload()
                .orElseThrow()
                .config();
        JobConfig jvm = world.spec(CdeFixtures.fixture("jvm-job.yaml"), Operation.PROVISION)
                .workload()
                .orElseThrow()
                .config();

        assertThat(py.driverCores()).isEqualTo(1);
        assertThat(py.driverMemory()).isEqualTo("1g");
        assertThat(py.executorCores()).isEqualTo(1);
        assertThat(py.executorMemory()).isEqualTo("1g");
        assertThat(py.numExecutors()).isEqualTo(1);
        assertThat(py.logLevel()).isEqualTo("INFO");
        assertThat(py.conf()).containsExactly(Map.entry("dex.safariEnabled", "true"));
        assertThat(jvm.conf())
                .containsEntry("spark.sql.shuffle.partitions", "64")
                .containsEntry("dex.safariEnabled", "true");
        assertThat(jvm.schedule())
                .hasValueSatisfying(s -> assertThat(s.cronExpression()).isEqualTo("30 6 * * *"));
    }

    @Test
    void memory_is_accepted_in_either_case_and_cron_names_are_accepted() {
        CdeSpec spec = world.spec(
                withSpecific(
                        JVM
                                + """
                        jobConfig:
                          driverMemory: 512M
                          executorMemory: 2G
                          logLevel: warn
                          args: [--days, 3, true]
                          schedule: {cronExpression: "*/15 6-18 * JAN-MAR MON-FRI"}
                        """),
                Operation.VALIDATE);

        JobConfig config = spec.workload().orElseThrow().config();
        assertThat(config.driverMemory()).isEqualTo("512m");
        assertThat(config.executorMemory()).isEqualTo("2g");
        assertThat(config.logLevel()).isEqualTo("WARN");
        assertThat(config.args()).containsExactly("--days", "3", "true");
    }

    static Stream<Arguments> invalidDescriptors() {
        return Stream.of(
                Arguments.of(
                        "missing service",
                        JVM.replace("cdeService: finance-de\n", ""),
                        "cdeService",
                        "is required but missing"),
                Arguments.of(
                        "missing cluster",
                        JVM.replace("cdeCluster: finance-vc\n", ""),
                        "cdeCluster",
                        "is required but missing"),
                Arguments.of(
                        "wrong job name",
                        JVM.replace("job-development", "job-dev"),
                        "jobName",
                        "must be 'finance-cashflow-1-cashflow-job-development'"),
                Arguments.of(
                        "both shapes",
                        JVM + "pythonFile: s3://finance-artifacts/py/report.py\n",
                        "pythonFile",
                        "either JVM Spark (jar) or PySpark"),
                Arguments.of("no application", IDENTITY, "", "names no application"),
                Arguments.of(
                        "className without jar",
                        IDENTITY + "className: a.B\n",
                        "jar",
                        "is required for a JVM Spark job (className is set)"),
                Arguments.of(
                        "python settings without pythonFile",
                        IDENTITY + "pythonVersion: python3\n",
                        "pythonFile",
                        "is required for a PySpark job (pythonVersion is set)"),
                Arguments.of(
                        "jar without className",
                        JVM.replace("className: org.example.cashflow.CashflowJob\n", ""),
                        "className",
                        "is required but missing"),
                Arguments.of(
                        "blank className",
                        JVM.replace("org.example.cashflow.CashflowJob", "\"  \""),
                        "className",
                        "must not be blank"),
                Arguments.of(
                        "python field on a JVM job",
                        JVM + "pythonVersion: python3\n",
                        "pythonVersion",
                        "applies to PySpark jobs only"),
                Arguments.of(
                        "className on a PySpark job",
                        PY + "className: a.B\n",
                        "className",
                        "applies to JVM Spark jobs only"),
                Arguments.of(
                        "missing pythonVersion",
                        PY.replace("pythonVersion: python3\n", ""),
                        "pythonVersion",
                        "is required but missing"),
                Arguments.of(
                        "python2 not allowed",
                        PY.replace("python3", "python2"),
                        "pythonVersion",
                        "python2 is accepted only when"),
                Arguments.of("unknown python", PY.replace("python3", "python4"), "pythonVersion", "must be python3"),
                Arguments.of(
                        "requirements not requirements.txt",
                        PY + "requirementsFile: s3://finance-artifacts/py/reqs.txt\n",
                        "requirementsFile",
                        "named requirements.txt"),
                Arguments.of(
                        "pyMirror without requirements",
                        PY + "pyMirror: https://pypi.example/simple\n",
                        "pyMirror",
                        "requirementsFile is not set"),
                Arguments.of(
                        "pyMirror not a URL",
                        PY + "requirementsFile: s3://finance-artifacts/py/requirements.txt\npyMirror: pypi\n",
                        "pyMirror",
                        "not an http(s) URL"),
                Arguments.of(
                        "jar not in S3",
                        JVM.replace("s3://finance-artifacts/finance/cashflow/1.0.0/", "https://repo.example/"),
                        "jar",
                        "is not an S3 URI"),
                Arguments.of(
                        "S3 URI without key",
                        JVM.replace(
                                "s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar",
                                "s3://finance-artifacts"),
                        "jar",
                        "is not an S3 URI"),
                Arguments.of(
                        "S3 key climbing out of its prefix",
                        JVM.replace("finance/cashflow/1.0.0/", "finance/../../other/"),
                        "jar",
                        "whose key has a '..' segment"),
                Arguments.of(
                        "S3 key with a dot segment",
                        JVM + "jobConfig: {dependencies: [s3://finance-artifacts/lib/./dep.jar]}\n",
                        "jobConfig.dependencies[0]",
                        "whose key has a '.' segment"),
                Arguments.of(
                        "zero driver cores",
                        JVM + "jobConfig: {driverCores: 0}\n",
                        "jobConfig.driverCores",
                        "must be greater than zero"),
                Arguments.of(
                        "executors as words",
                        JVM + "jobConfig: {numExecutors: two}\n",
                        "jobConfig.numExecutors",
                        "must be a whole number"),
                Arguments.of(
                        "fractional executor cores",
                        JVM + "jobConfig: {executorCores: 1.5}\n",
                        "jobConfig.executorCores",
                        "must be a whole number"),
                Arguments.of(
                        "memory unit gb",
                        JVM + "jobConfig: {executorMemory: 4gb}\n",
                        "jobConfig.executorMemory",
                        "followed by m or g"),
                Arguments.of(
                        "zero memory",
                        JVM + "jobConfig: {driverMemory: 0g}\n",
                        "jobConfig.driverMemory",
                        "followed by m or g"),
                Arguments.of(
                        "unknown log level",
                        JVM + "jobConfig: {logLevel: VERBOSE}\n",
                        "jobConfig.logLevel",
                        "not a Spark log level"),
                Arguments.of(
                        "nested conf value",
                        JVM + "jobConfig: {conf: {spark.x: {a: 1}}}\n",
                        "jobConfig.conf.spark.x",
                        "must be a string, number or boolean"),
                Arguments.of("conf not a map", JVM + "jobConfig: {conf: [a]}\n", "jobConfig.conf", "must be an object"),
                Arguments.of(
                        "four cron fields",
                        JVM + "jobConfig: {schedule: {cronExpression: \"0 6 * *\"}}\n",
                        "jobConfig.schedule.cronExpression",
                        "has 4 fields, but a POSIX cron expression has 5"),
                Arguments.of(
                        "Sunday as 7",
                        JVM + "jobConfig: {schedule: {cronExpression: \"0 6 * * 7\"}}\n",
                        "jobConfig.schedule.cronExpression",
                        "invalid day-of-week field (5th, '7'): 7 is out of range 0-6"),
                Arguments.of(
                        "minute 60",
                        JVM + "jobConfig: {schedule: {cronExpression: \"60 6 * * *\"}}\n",
                        "jobConfig.schedule.cronExpression",
                        "invalid minute field (1st, '60'): 60 is out of range 0-59"),
                Arguments.of(
                        "schedule without cron",
                        JVM + "jobConfig: {schedule: {startDate: \"2024-01-01T00:00:00Z\"}}\n",
                        "jobConfig.schedule.cronExpression",
                        "is required but missing"),
                Arguments.of(
                        "start not ISO",
                        JVM + "jobConfig: {schedule: {cronExpression: \"0 6 * * *\", startDate: 01/01/2024}}\n",
                        "jobConfig.schedule.startDate",
                        "not an ISO-8601 instant"),
                Arguments.of(
                        "start after end",
                        JVM
                                + "jobConfig: {schedule: {cronExpression: \"0 6 * * *\", startDate: \"2025-01-01T00:00:00Z\","
                                + " endDate: \"2024-01-01T00:00:00Z\"}}\n",
                        "jobConfig.schedule.endDate",
                        "not after startDate"),
                Arguments.of(
                        "JVM dependency not a jar",
                        JVM + "jobConfig: {dependencies: [s3://finance-artifacts/lib/x.py]}\n",
                        "jobConfig.dependencies[0]",
                        "must be jars"),
                Arguments.of(
                        "Python dependency a jar",
                        PY + "jobConfig: {dependencies: [s3://finance-artifacts/lib/ledger-utils-2.1.jar]}\n",
                        "jobConfig.dependencies[0]",
                        "must be .py, .zip or .egg files"),
                Arguments.of(
                        "same file name twice",
                        JVM + "jobConfig: {dependencies: [s3://other-bucket/x/cashflow-job-1.0.0.jar]}\n",
                        "jobConfig.dependencies[0]",
                        "is also the file name of"),
                Arguments.of(
                        "args element a map",
                        JVM + "jobConfig: {args: [{a: 1}]}\n",
                        "jobConfig.args[0]",
                        "must be a string"),
                Arguments.of("jobConfig a list", JVM + "jobConfig: [1]\n", "jobConfig", "must be an object"),
                Arguments.of(
                        "runOnProvision a string",
                        JVM + "runOnProvision: maybe\n",
                        "runOnProvision",
                        "must be true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDescriptors")
    void an_invalid_descriptor_names_the_field_and_the_fix(String name, String specific, String field, String message) {
        Seq<Problem> problems = problems(withSpecific(specific));

        String path = COMPONENT + ".specific" + (field.isEmpty() ? "" : "." + field);
        assertThat(problems).as(name).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo(path);
            assertThat(problem.message()).contains(message);
            assertThat(problem.solution()).isNotBlank();
            assertThat(problem.isUpstream()).isFalse();
        });
    }

    @Test
    void every_problem_is_reported_at_once() {
        Seq<Problem> problems = problems(
                withSpecific(
                        JVM.replace("job-development", "x")
                                + """
                jobConfig: {driverCores: 0, executorMemory: lots, logLevel: LOUD}
                """));

        assertThat(problems.map(Problem::field))
                .contains(
                        COMPONENT + ".specific.jobName",
                        COMPONENT + ".specific.jobConfig.driverCores",
                        COMPONENT + ".specific.jobConfig.executorMemory",
                        COMPONENT + ".specific.jobConfig.logLevel");
    }

    @Test
    void the_job_name_rule_shows_the_expected_name_in_the_fix_too() {
        Problem problem =
                problems(withSpecific(JVM.replace("job-development", "job"))).head();

        assertThat(problem.solution())
                .isEqualTo("Set specific.jobName to 'finance-cashflow-1-cashflow-job-development'.");
    }

    @Test
    void a_component_id_without_the_prefix_is_a_problem_not_a_crash() {
        ComponentRequest request = TestRequests.componentRequest(
                """
                dataProduct:
                  environment: development
                  components:
                    - id: cashflow-job
                      kind: workload
                      specific: {cdeService: a, cdeCluster: b, jobName: c, jar: "s3://bkt/a.jar", className: a.B}
                componentIdToProvision: cashflow-job
                """);

        Seq<Problem> problems = world.validate(request, Operation.UNPROVISION).getError();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("dataProduct.components[cashflow-job].id");
            assertThat(p.message()).contains("urn:dmb:cmp:");
        });
    }

    @Test
    void free_names_only_need_to_fit_cde() {
        CdeWorld free = new CdeWorld(new CdeSettings(JobNamePolicy.FREE, CdeDefaults.standard(), true, false));

        assertThat(free.validate(
                                withSpecific(JVM.replace("finance-cashflow-1-cashflow-job-development", "my_job.v2")),
                                Operation.VALIDATE)
                        .isValid())
                .isTrue();
        assertThat(free.validate(
                                withSpecific(
                                        JVM.replace("finance-cashflow-1-cashflow-job-development", "x".repeat(129))),
                                Operation.VALIDATE)
                        .getError()
                        .head()
                        .message())
                .contains("at most 128");
        assertThat(free.validate(withSpecific(PY.replace("python3", "python2")), Operation.VALIDATE)
                        .isValid())
                .isTrue();
    }

    // ---------------------------------------------------------------- online checks

    @Test
    void a_missing_service_is_reported_with_the_incumbents_words() {
        Problem problem =
                problems(withSpecific(JVM.replace("finance-de", "other-de"))).head();

        assertThat(problem.field()).isEqualTo(COMPONENT + ".specific.cdeService");
        assertThat(problem.message()).startsWith("CDE Service not found");
    }

    @Test
    void a_service_that_is_not_running_is_reported() {
        world.cdp.addService("stopped-de", "ClusterDeletionInProgress");

        Problem problem =
                problems(withSpecific(JVM.replace("finance-de", "stopped-de"))).head();

        assertThat(problem.message()).startsWith("CDE Service exists but is not running");
    }

    @Test
    void a_missing_or_inactive_virtual_cluster_is_reported_on_cdeCluster() {
        world.cdp.addVirtualCluster(CdeWorld.SERVICE, "sleepy-vc", "AppInstalling");

        Problem missing =
                problems(withSpecific(JVM.replace("finance-vc", "nope-vc"))).head();
        Problem inactive =
                problems(withSpecific(JVM.replace("finance-vc", "sleepy-vc"))).head();

        assertThat(missing.field()).isEqualTo(COMPONENT + ".specific.cdeCluster");
        assertThat(missing.message()).startsWith("CDE Virtual Cluster not found");
        assertThat(inactive.message()).startsWith("CDE Virtual Cluster exists but is not properly activated");
    }

    @Test
    void a_missing_artifact_is_named_by_its_uri() {
        world.artifacts.remove("s3://finance-artifacts/lib/ledger-utils-2.1.jar");
        world.artifacts.remove("s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar");

        Seq<Problem> problems = problems(CdeFixtures.fixture("jvm-job.yaml"));

        assertThat(problems.map(Problem::message))
                .containsExactly(
                        "Job Source application file not found: s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar does not exist",
                        "Job dependency file not found: s3://finance-artifacts/lib/ledger-utils-2.1.jar does not exist");
        assertThat(problems.map(Problem::field))
                .containsExactly(COMPONENT + ".specific.jar", COMPONENT + ".specific.jobConfig.dependencies[0]");
    }

    @Test
    void a_cdp_failure_is_reported_as_that_failure_never_as_not_found() {
        world.cdp.failWith(new UpstreamFailure.Unauthorized("CDP", "POST /api/v1/de/listServices", "403 Forbidden"));

        Problem problem = problems(CdeFixtures.fixture("jvm-job.yaml")).head();

        assertThat(problem.isUpstream()).isTrue();
        assertThat(problem.message()).contains("unauthorized").doesNotContain("not found");
    }

    @Test
    void an_s3_failure_is_reported_as_that_failure() {
        world.artifacts.failWith(new UpstreamFailure.Unavailable("S3", "HeadObject", "503 Slow Down"));

        Seq<Problem> problems = problems(CdeFixtures.fixture("jvm-job.yaml"));

        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.isUpstream()).isTrue();
            assertThat(problem.message()).contains("S3").doesNotContain("not found");
        });
    }

    @Test
    void unprovision_needs_neither_the_artifacts_nor_a_valid_job_config() {
        world.artifacts.failWith(new UpstreamFailure.Unavailable("S3", "HeadObject", "down"));
        world.cdp.failWith(new UpstreamFailure.Unavailable("CDP", "listServices", "down"));
        ComponentRequest request =
                withSpecific(JVM + "jobConfig: {driverCores: -1, schedule: {cronExpression: nope}}\n");

        Validation<Seq<Problem>, CdeSpec> validation = world.validate(request, Operation.UNPROVISION);

        assertThat(validation.isValid()).isTrue();
        assertThat(validation.get().workload()).isEmpty();
        assertThat(validation.get().target())
                .isEqualTo(new CdeJobTarget("finance-de", "finance-vc", "finance-cashflow-1-cashflow-job-development"));
    }

    @Test
    void static_problems_do_not_stop_the_online_checks_of_valid_parts() {
        Seq<Problem> problems =
                problems(withSpecific(JVM.replace("finance-de", "gone-de") + "jobConfig: {numExecutors: 0}\n"));

        assertThat(problems.map(Problem::message).toJavaList())
                .anySatisfy(m -> assertThat(m).startsWith("CDE Service not found"))
                .anySatisfy(m -> assertThat(m).contains("greater than zero"));
    }

    @Test
    void problems_list_fields_in_a_stable_order() {
        List<String> fields = problems(withSpecific(IDENTITY.replace("cdeService: finance-de\n", "")))
                .map(Problem::field)
                .toJavaList();

        assertThat(fields).containsExactly(COMPONENT + ".specific.cdeService", COMPONENT + ".specific");
    }
}
