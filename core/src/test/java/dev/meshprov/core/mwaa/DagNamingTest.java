package dev.meshprov.core.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key formulas, pinned with worked examples. */
class DagNamingTest {

    private static DataProductPrefix prefix(String componentId) {
        return DataProductPrefix.fromComponentId(componentId).orElseThrow();
    }

    @Test
    void theSpecExample() {
        DataProductPrefix prefix = prefix("urn:dmb:cmp:healthcare:vaccinations:0:airflow");
        String dag = "airbyte_snowflake_dag.py";

        assertThat(prefix.dotted()).isEqualTo("healthcare.vaccinations.0");
        assertThat(DagNaming.stagingKey("source/", prefix, dag))
                .isEqualTo("source/healthcare.vaccinations.0.airbyte_snowflake_dag.py");
        assertThat(DagNaming.dagKey("dags/", prefix, dag))
                .isEqualTo("dags/healthcare_vaccinations_0_airbyte_snowflake_dag.py");
        assertThat(DagNaming.descriptorKey("dags/", prefix))
                .isEqualTo("dags/healthcare_vaccinations_0_descriptor.yaml");
        assertThat(DagNaming.legacyDagKey("dags/", prefix, dag))
                .isEqualTo("dags/healthcare.vaccinations.0.airbyte_snowflake_dag.py");
        assertThat(DagNaming.dagId(prefix, dag)).isEqualTo("healthcare_vaccinations_0_airbyte_snowflake_dag");
    }

    @Test
    void theEmbeddedDefaultExample() {
        DagKeys keys = DagNaming.keys(
                "", "staging/", "dags/", prefix("urn:dmb:cmp:finance:cashflow:1:orchestration"), "cashflow_daily.py");

        assertThat(keys.stagingKey()).contains("staging/finance.cashflow.1.cashflow_daily.py");
        assertThat(keys.dagKey()).isEqualTo("dags/finance_cashflow_1_cashflow_daily.py");
        assertThat(keys.descriptorKey()).isEqualTo("dags/finance_cashflow_1_descriptor.yaml");
        assertThat(keys.dagFolder()).isEqualTo("dags/");
    }

    @ParameterizedTest(name = "{0} + {1} + {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # component id                               | dagName                | destinationPath | staging (source/)                                      | DAG key
            urn:dmb:cmp:finance:cashflow:1:x             | daily.report.py        | dags/           | source/finance.cashflow.1.daily.report.py              | dags/finance_cashflow_1_daily_report.py
            urn:dmb:cmp:finance:cashflow:1:x             | cash-flow-daily.py     | dags/           | source/finance.cashflow.1.cash-flow-daily.py           | dags/finance_cashflow_1_cash_flow_daily.py
            urn:dmb:cmp:fin-ance:cash.flow:2:x           | daily.py               | dags/           | source/fin-ance.cash.flow.2.daily.py                   | dags/fin_ance_cash_flow_2_daily.py
            urn:dmb:cmp:finance:cashflow:1:x             | daily.py               | dags            | source/finance.cashflow.1.daily.py                     | dags/finance_cashflow_1_daily.py
            urn:dmb:cmp:finance:cashflow:1:x             | daily.py               | airflow/dags    | source/finance.cashflow.1.daily.py                     | airflow/dags/finance_cashflow_1_daily.py
            urn:dmb:cmp:finance:cashflow:1               | daily.py               | dags/           | source/finance.cashflow.1.daily.py                     | dags/finance_cashflow_1_daily.py
            urn:dmb:cmp:finance:cashflow:1:x:extra       | Über-DAG.py            | dags/           | source/finance.cashflow.1.Über-DAG.py                  | dags/finance_cashflow_1__ber_DAG.py
            """)
    void workedExamples(String componentId, String dagName, String destinationPath, String staging, String dagKey) {
        DataProductPrefix prefix = prefix(componentId);

        assertThat(DagNaming.stagingKey("source", prefix, dagName)).isEqualTo(staging);
        assertThat(DagNaming.stagingKey("source/", prefix, dagName)).isEqualTo(staging);
        assertThat(DagNaming.dagKey(destinationPath, prefix, dagName)).isEqualTo(dagKey);
    }

    @Test
    void aMissingTrailingSlashIsAdded() {
        assertThat(DagNaming.slash("dags")).isEqualTo("dags/");
        assertThat(DagNaming.slash("dags/")).isEqualTo("dags/");
        assertThat(DagNaming.descriptorKey("dags", prefix("urn:dmb:cmp:a:b:0:c")))
                .isEqualTo("dags/a_b_0_descriptor.yaml");
    }

    @Test
    void theSanitiserIsNotInjective() {
        DataProductPrefix prefix = prefix("urn:dmb:cmp:finance:cashflow:1:x");
        assertThat(DagNaming.dagKey("dags/", prefix, "my-dag.py"))
                .isEqualTo(DagNaming.dagKey("dags/", prefix, "my_dag.py"));
        assertThat(DagNaming.dagKey("dags/", prefix, "my.dag.py"))
                .isEqualTo(DagNaming.dagKey("dags/", prefix, "my_dag.py"));
    }

    @Test
    void subFoldersInDagNamesAreRejected() {
        assertThat(KeyRules.dagNameProblem("team/daily.py"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("sub-folders are not supported"));
        assertThat(KeyRules.dagNameProblem("team\\daily.py")).isPresent();
        assertThat(KeyRules.dagNameProblem("daily.py")).isEmpty();
    }

    @Test
    void aComponentIdNeedsSixSegments() {
        assertThat(DataProductPrefix.fromComponentId("urn:dmb:cmp:finance:cashflow"))
                .isEmpty();
        assertThat(DataProductPrefix.fromComponentId("urn:dmb:cmp:finance:cashflow:1"))
                .isPresent();
        assertThat(DataProductPrefix.fromComponentId("urn:dmb:cmp:fin/ance:cashflow:1:x"))
                .isEmpty();
        assertThat(DataProductPrefix.fromComponentId("urn:dmb:cmp:finance: :1:x"))
                .isEmpty();
    }

    @Test
    void aDottedPrefixHasThreeParts() {
        assertThat(DataProductPrefix.fromDotted("finance.cashflow.1"))
                .contains(new DataProductPrefix("finance", "cashflow", "1"));
        assertThat(DataProductPrefix.fromDotted("finance.cashflow")).isEmpty();
    }
}
