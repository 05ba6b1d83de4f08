package dev.meshprov.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTableTest {

    private final RoutingTable table = RoutingTable.defaults();

    private static Component component(String itm, String utm) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", "urn:dmb:cmp:d:p:0:c");
        if (itm != null) {
            node.put("infrastructureTemplateId", itm);
        }
        if (utm != null) {
            node.put("useCaseTemplateId", utm);
        }
        return new Component("urn:dmb:cmp:d:p:0:c", node);
    }

    @ParameterizedTest
    @CsvSource({
        "urn:dmb:itm:airbyte-provisioner:0, , airbyte",
        "urn:dmb:itm:airbyte-provisioner, , airbyte",
        "urn:dmb:itm:cdp-aws-workload-spark-provisioner:1, , cde",
        "urn:dmb:itm:aws-workload-airflow-provisioner:0, , mwaa",
        "urn:dmb:itm:custom:0, urn:dmb:utm:airbyte-standard:0.0.0, airbyte",
        ", urn:dmb:utm:aws-airflow-workload-template:0.0.0, mwaa",
        "urn:dmb:itm:aws-workload-airflow-provisioner:0, urn:dmb:utm:airbyte-standard:0.0.0, mwaa"
    })
    void routesByInfrastructureThenUseCaseTemplateIgnoringVersions(String itm, String utm, String expected) {
        assertThat(table.technologyFor(component(itm, utm))).contains(expected);
    }

    @Test
    void unknownTemplatesAreNotRouted() {
        assertThat(table.technologyFor(component("urn:dmb:itm:snowflake-outputport-provisioner:0", null)))
                .isEmpty();
        assertThat(table.technologyFor(component(null, null))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "urn:dmb:itm:airbyte-provisioner:0, urn:dmb:itm:airbyte-provisioner",
        "urn:dmb:utm:airbyte-standard:0.0.0, urn:dmb:utm:airbyte-standard",
        "urn:dmb:utm:airbyte-standard:1.2.3-SNAPSHOT, urn:dmb:utm:airbyte-standard",
        "urn:dmb:itm:aws-workload-airflow-provisioner, urn:dmb:itm:aws-workload-airflow-provisioner",
        "urn:dmb:itm:provisioner:v2, urn:dmb:itm:provisioner"
    })
    void stripsOnlyAVersionSegment(String urn, String expected) {
        assertThat(RoutingTable.withoutVersion(urn)).isEqualTo(expected);
    }

    @Test
    void describesTheSupportedTemplates() {
        assertThat(table.describe())
                .contains("airbyte (urn:dmb:itm:airbyte-provisioner, urn:dmb:utm:airbyte-standard)")
                .contains("mwaa (urn:dmb:itm:aws-workload-airflow-provisioner");
    }
}
