package dev.meshprov.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTableTest {

    /** The regular expression the hand-written version reading replaced; the two must agree on every suffix. */
    private static final java.util.regex.Pattern OLD_VERSION =
            java.util.regex.Pattern.compile("^v?\\d+(\\.\\d+)*([-+][0-9A-Za-z.-]+)?$");

    @org.junit.jupiter.api.Test
    void theVersionReadingAgreesWithTheRegularExpressionItReplaced() {
        java.util.List<String> suffixes = new java.util.ArrayList<>(java.util.List.of(
                "",
                "v",
                "0",
                "v0",
                "1.2.3",
                "v1.2",
                "1.",
                ".1",
                "1..2",
                "1.2-",
                "1.2+",
                "1-rc.1",
                "1+build.5",
                "1.2.3-alpha-2",
                "v1-",
                "x1",
                "1a",
                "1.2_3",
                "V1",
                "1 ",
                "١",
                "1-é",
                "+1",
                "-1",
                "1-+",
                "12345678901"));
        java.util.Random random = new java.util.Random(13);
        String alphabet = "v0123456789.-+_aZ ";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            suffixes.add(text.toString());
        }
        for (String suffix : suffixes) {
            String text = "urn:dmb:itm:x:" + suffix;
            assertThat(RoutingTable.isVersion(text, text.lastIndexOf(':') + 1))
                    .as("'%s'", suffix)
                    .isEqualTo(OLD_VERSION.matcher(suffix).matches());
        }
    }

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
