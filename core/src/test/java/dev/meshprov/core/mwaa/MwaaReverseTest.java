package dev.meshprov.core.mwaa;

import static dev.meshprov.core.mwaa.MwaaFixtures.DAG;
import static dev.meshprov.core.mwaa.MwaaFixtures.LEGACY;
import static dev.meshprov.core.mwaa.MwaaFixtures.environment;
import static dev.meshprov.core.mwaa.MwaaFixtures.settings;
import static dev.meshprov.core.mwaa.MwaaFixtures.technology;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.testing.CollectingOperationLog;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Importing a deployed DAG as the component's {@code spec.mesh.specific}. */
class MwaaReverseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = "urn:dmb:utm:aws-airflow-workload-template:0.0.0";

    private final InMemoryDagStore store = InMemoryDagStore.withBuckets();
    private MwaaTechnology technology = technology(settings(), store);
    private final CollectingOperationLog log = new CollectingOperationLog();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private Validation<Seq<Problem>, ReverseProvisioningResult> reverse(String params, String catalogInfo) {
        return technology.reverse(
                new ReverseProvisioningRequest(
                        TEMPLATE,
                        "development",
                        json(params),
                        catalogInfo == null ? MissingNode.getInstance() : json(catalogInfo)),
                log);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> specific(Validation<Seq<Problem>, ReverseProvisioningResult> result) {
        assertThat(result.isValid()).as("%s", result).isTrue();
        return (Map<String, Object>) result.get().updates().get("spec.mesh.specific");
    }

    @Test
    void findsTheDeployedDagFromThePrefixAndDagName() {
        store.seed(DAG, "print(1)\n");

        Map<String, Object> specific = specific(reverse(
                """
                {"prefix": "finance.cashflow.1", "dagName": "cashflow_daily.py", "sourcePath": "source/",
                 "destinationPath": "dags/", "bucketName": "finance-mwaa-dev", "scheduleCron": "@daily"}""",
                null));

        assertThat(specific)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "dagName", "cashflow_daily.py",
                        "sourcePath", "source/",
                        "destinationPath", "dags/",
                        "bucketName", "finance-mwaa-dev",
                        "scheduleCron", "@daily"));
        assertThat(log.text()).contains("Found DAG finance_cashflow_1_cashflow_daily at mem://" + DAG);
    }

    @Test
    void acceptsDomainDataProductAndMajorVersionAndFillsTheRestFromTheCatalog() {
        store.seed(DAG, "print(1)\n");

        Map<String, Object> specific = specific(
                reverse(
                        """
                {"domain": "finance", "dataProduct": "cashflow", "majorVersion": "1", "dagName": "cashflow_daily.py"}""",
                        """
                {"spec": {"mesh": {"specific": {"sourcePath": "source/", "destinationPath": "dags/",
                  "bucketName": "finance-mwaa-dev", "scheduleCron": "0 6 * * *", "extra": {"kept": true}}}}}"""));

        assertThat(specific)
                .containsEntry("dagName", "cashflow_daily.py")
                .containsEntry("scheduleCron", "0 6 * * *")
                .containsEntry("extra", Map.of("kept", true));
    }

    @Test
    void theEnvironmentsConfigurationComesFirst() {
        technology = technology(
                MwaaFixtures.withEnvironment("development", environment("finance-mwaa-dev", "staging/", "dags/", null)),
                store);
        store.seed(DAG, "print(1)\n");

        Map<String, Object> specific =
                specific(reverse("{\"prefix\": \"finance.cashflow.1\", \"dagName\": \"cashflow_daily.py\"}", null));

        assertThat(specific)
                .containsEntry("sourcePath", "staging/")
                .containsEntry("destinationPath", "dags/")
                .containsEntry("bucketName", "finance-mwaa-dev");
    }

    @Test
    void aDagDeployedUnderItsDottedNameIsFoundWithAWarning() {
        store.seed(LEGACY, "print(1)\n");

        specific(reverse(
                """
                {"prefix": "finance.cashflow.1", "dagName": "cashflow_daily.py", "sourcePath": "source/",
                 "destinationPath": "dags/", "bucketName": "finance-mwaa-dev"}""",
                null));

        assertThat(log.lines())
                .anyMatch(line -> line.startsWith("WARNING [reverse] Found the DAG only under its pre-2025"));
    }

    @Test
    void aMissingDagIsAProblemNamingBothLocations() {
        Validation<Seq<Problem>, ReverseProvisioningResult> result = reverse(
                """
                {"prefix": "finance.cashflow.1", "dagName": "cashflow_daily.py", "sourcePath": "source/",
                 "destinationPath": "dags/", "bucketName": "finance-mwaa-dev"}""",
                null);

        assertThat(result.getError()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("params.dagName");
            assertThat(problem.message()).contains("mem://" + DAG).contains("mem://" + LEGACY);
        });
    }

    @Test
    void reportsEveryMissingOrWrongParameter() {
        Validation<Seq<Problem>, ReverseProvisioningResult> result = reverse(
                "{\"prefix\": \"finance.cashflow\", \"dagName\": \"x\", \"bucketName\": \"other-bucket\"}", null);

        assertThat(result.getError().map(Problem::field))
                .containsExactlyInAnyOrder(
                        "params.prefix",
                        "params.dagName",
                        "params.destinationPath",
                        "params.sourcePath",
                        "params.bucketName");
        assertThat(store.calls()).isEmpty();
    }

    @Test
    void aStoreFailureIsAnUpstreamProblem() {
        store.failWhen(call -> true, new UpstreamFailure.TimedOut("memory", "HeadObject", "no answer in 30s"));

        Validation<Seq<Problem>, ReverseProvisioningResult> result = reverse(
                """
                {"prefix": "finance.cashflow.1", "dagName": "cashflow_daily.py", "sourcePath": "source/",
                 "destinationPath": "dags/", "bucketName": "finance-mwaa-dev"}""",
                null);

        assertThat(result.getError()).singleElement().satisfies(problem -> assertThat(problem.isUpstream())
                .isTrue());
    }
}
