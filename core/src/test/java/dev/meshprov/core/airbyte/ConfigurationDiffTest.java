package dev.meshprov.core.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which desired configuration values Airbyte lacks, named by path. */
class ConfigurationDiffTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\": 1}|{\"a\": 1}|",
                "{\"a\": 1}|{\"a\": 1.0}|",
                "{\"a\": 1}|{\"a\": 1, \"sourceType\": \"file\", \"extra\": {\"x\": 2}}|",
                "{\"c\": {\"password\": \"secret\"}}|{\"c\": {\"password\": \"**********\"}}|",
                "{\"c\": {\"password\": \"secret\", \"auth_type\": \"x\"}}|{\"c\": {\"password\": \"***\", \"auth_type\": \"y\"}}|configuration.c.auth_type",
                "{\"a\": 1}|{\"a\": 2}|configuration.a",
                "{\"a\": 1}|{}|configuration.a",
                "{\"a\": \"1\"}|{\"a\": 1}|configuration.a",
                "{\"p\": {\"s\": \"HTTPS\", \"u\": false}}|{\"p\": {\"s\": \"HTTPS\"}}|configuration.p.u",
                "{\"p\": {\"s\": \"HTTPS\"}}|{\"p\": \"HTTPS\"}|configuration.p",
                "{\"l\": [1, 2]}|{\"l\": [1, 2]}|",
                "{\"l\": [1, 2]}|{\"l\": [2, 1]}|configuration.l",
                "{\"l\": [{\"k\": 1}]}|{\"l\": [{\"k\": 1, \"d\": 0}]}|",
                "{\"n\": null}|{}|",
                "{\"a\": 1, \"b\": 2}|{\"a\": 0, \"b\": 0}|configuration.a;configuration.b",
            })
    void findsWhatDiffers(String desired, String observed, String differences) throws Exception {
        JsonNode wanted = Jsons.MAPPER.readTree(desired);
        JsonNode found = Jsons.MAPPER.readTree(observed);

        assertThat(String.join(";", ConfigurationDiff.differences("configuration", wanted, found)))
                .isEqualTo(differences == null ? "" : differences);
    }
}
