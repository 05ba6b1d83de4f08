package dev.meshprov.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComponentIdTest {

    @Test
    void parsesTheSegments() {
        ComponentId id = ComponentId.parse("urn:dmb:cmp:healthcare:vaccinations:0:airflow")
                .orElseThrow();

        assertThat(id.domain()).isEqualTo("healthcare");
        assertThat(id.dataProduct()).isEqualTo("vaccinations");
        assertThat(id.majorVersion()).isEqualTo("0");
        assertThat(id.name()).isEqualTo("airflow");
        assertThat(id.withoutPrefix()).isEqualTo("healthcare:vaccinations:0:airflow");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "urn:dmb:dp:healthcare:vaccinations:0",
                "urn:dmb:cmp:healthcare:vaccinations:0",
                "urn:dmb:cmp:healthcare:vaccinations:0:a:b",
                "urn:dmb:cmp:healthcare::0:airflow",
                "healthcare:vaccinations:0:airflow"
            })
    void rejectsIdsNotOfTheStandardForm(String value) {
        assertThat(ComponentId.parse(value)).isEmpty();
    }
}
