package dev.meshprov.core.airbyte;

import static dev.meshprov.core.airbyte.DescriptorReadingTest.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.airbyte.AirbyteTestData.Descriptor;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.CollectingOperationLog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A field removed from the descriptor is removed in Airbyte, although Airbyte's PATCH merges configurations: the
 * update becomes a replacement of the whole configuration (PUT) when a field meshprov wrote before is no longer
 * wanted, and nothing is written when nothing changed.
 */
class ConfigurationRemovalTest {

    private static final String SOURCE = "specific.source.connectionConfiguration.";

    private final InMemoryAirbyteGateway gateway = new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE);
    private final CollectingOperationLog log = new CollectingOperationLog();

    @Test
    void aSwitchFromCsvToJsonRemovesTheReaderOptionsUpstream() {
        AirbyteTechnology technology = technology(AirbyteTestData.snowflake());
        ProvisionResult csv = provisioned(technology, template());

        provisioned(technology, template().set(SOURCE + "format", "json").previousPrivateInfo(privateInfo(csv)));

        JsonNode stored = gateway.stored(ConnectorKind.SOURCE).get(0).configuration();
        assertThat(stored.path("format").asText()).isEqualTo("json");
        assertThat(stored.has("reader_options")).isFalse();
        assertThat(log.text()).contains("configuration.reader_options (removed)");
    }

    @Test
    void aSwitchFromPasswordToKeyPairRemovesThePasswordUpstream() {
        ProvisionResult password = provisioned(technology(AirbyteTestData.snowflake()), template());
        AirbyteTechnology keyPair = technology(keyPair());

        provisioned(keyPair, template().previousPrivateInfo(privateInfo(password)));

        JsonNode credentials =
                gateway.stored(ConnectorKind.DESTINATION).get(0).configuration().path("credentials");
        assertThat(credentials.path("auth_type").asText()).isEqualTo("Key Pair Authentication");
        assertThat(credentials.has("private_key")).isTrue();
        assertThat(credentials.has("password"))
                .as("the old password must not stay in Airbyte")
                .isFalse();
    }

    @Test
    void aFieldMeshprovNeverWroteIsLeftAloneAndCostsNoWrite() {
        AirbyteTechnology technology = technology(AirbyteTestData.snowflake());
        ProvisionResult first = provisioned(technology, template());
        Connector source = gateway.stored(ConnectorKind.SOURCE).get(0);
        gateway.updateConnector(
                ConnectorKind.SOURCE,
                source.id(),
                new ConnectorPatch(Optional.empty(), Optional.of(Jsons.object().put("set_in_the_ui", true))));
        int writes = gateway.writes();

        provisioned(technology, template().previousPrivateInfo(privateInfo(first)));

        assertThat(gateway.writes()).isEqualTo(writes);
        assertThat(gateway.stored(ConnectorKind.SOURCE)
                        .get(0)
                        .configuration()
                        .path("set_in_the_ui")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theRecordedFieldsAreKeysNeverValues() {
        ProvisionResult first = provisioned(technology(AirbyteTestData.snowflake()), template());

        assertThat(privateInfo(first).get("destinationConfigFields"))
                .contains("\"/credentials/password\"")
                .doesNotContain(AirbyteTestData.SNOWFLAKE_PASSWORD);
    }

    private AirbyteTechnology technology(SnowflakeSettings snowflake) {
        return new AirbyteTechnology(AirbyteTestData.settings().withSnowflake(snowflake), gateway, new Redactor());
    }

    private ProvisionResult provisioned(AirbyteTechnology technology, Descriptor descriptor) {
        AirbyteSpec spec = valid(technology.validate(descriptor.request(), Operation.PROVISION));
        return technology
                .provision(spec, log)
                .getOrElseThrow(failure -> new AssertionError("provisioning failed: " + failure.describe()));
    }

    private static Descriptor template() {
        return AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE);
    }

    private static java.util.Map<String, String> privateInfo(ProvisionResult result) {
        return AirbyteProvisioningTest.privateInfo(result);
    }

    static SnowflakeSettings keyPair() {
        return AirbyteTestData.snowflake(Optional.empty(), Optional.of(AirbyteTestData.SNOWFLAKE_PRIVATE_KEY));
    }
}
