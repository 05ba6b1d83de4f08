package dev.meshprov.http.e2e;

import static dev.meshprov.http.e2e.InfoEntries.link;
import static dev.meshprov.http.e2e.InfoEntries.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.airbyte.AirbyteTechnologyProvider;
import dev.meshprov.airbyte.FakeAirbyteServer;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.http.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Airbyte technology through the HTTP API, asynchronous as by default: the Airbyte component of
 * {@code examples/airbyte-provision-request.json} provisioned, re-provisioned with the enriched descriptor and
 * unprovisioned against the Airbyte adapter's stateful loopback server (client-credentials tokens, paginated lists).
 */
class AirbyteEndToEndTest {

    private static final String WORKSPACE = RealTechnologies.WORKSPACE;
    private static final String UI_URL = RealTechnologies.AIRBYTE_UI_URL;
    private static final String CLIENT_SECRET = RealTechnologies.AIRBYTE_CLIENT_SECRET;
    private static final String SNOWFLAKE_PASSWORD = RealTechnologies.SNOWFLAKE_PASSWORD;
    private static final String COMPONENT = "urn:dmb:cmp:finance:cashflow:1:deals-ingestion";
    private static final JsonNode REQUEST = Examples.request("airbyte-provision-request.json");

    private FakeAirbyteServer airbyte;
    private TestServer server;
    private ApiClient client;

    @BeforeEach
    void start() {
        airbyte = FakeAirbyteServer.start()
                .workspace(WORKSPACE, "finance")
                .requireClientCredentials("meshprov", CLIENT_SECRET, 3600);
        server = TestServer.start(
                config(),
                BootstrapOptions.defaults().withProviders(List.of(new AirbyteTechnologyProvider())),
                List.of(CLIENT_SECRET, SNOWFLAKE_PASSWORD));
        client = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
        airbyte.close();
    }

    /** The Airbyte section of the full-stack tests, at its default mode (async). */
    private String config() {
        return RealTechnologies.SERVER_SECTION
                + RealTechnologies.airbyteSection(RealTechnologies.DEFAULT_MODES, airbyte.apiUrl(), CLIENT_SECRET);
    }

    @Test
    void theExamplePipelineIsProvisionedReprovisionedWithoutWritesAndUnprovisioned() {
        assertThat(client.post("/v1/validate", REQUEST).json()).isEqualTo(Examples.json("{\"valid\":true}"));

        JsonNode provisioned = AsyncTasks.completed(client, "/v1/provision", REQUEST);
        assertThat(airbyte.stored("sources")).hasSize(1);
        assertThat(airbyte.stored("destinations")).hasSize(1);
        assertThat(airbyte.stored("connections")).hasSize(1);
        JsonNode privateInfo = provisioned.path("info").path("privateInfo");
        String connectionId = privateInfo.path("connectionId").asText();
        assertThat(privateInfo.path("workspaceId").asText()).isEqualTo(WORKSPACE);
        assertThat(privateInfo.path("sourceId").asText())
                .isEqualTo(airbyte.stored("sources").get(0).path("sourceId").asText());
        JsonNode publicInfo = provisioned.path("info").path("publicInfo");
        assertThat(publicInfo.path("connection"))
                .isEqualTo(link(
                        "Airbyte connection",
                        "finance.cashflow.1.Deals CSV <> Snowflake",
                        UI_URL + "/workspaces/" + WORKSPACE + "/connections/" + connectionId));
        assertThat(publicInfo.path("source")).isEqualTo(text("Airbyte source", "finance.cashflow.1.Deals CSV"));
        assertThat(publicInfo.path("destination"))
                .isEqualTo(text("Airbyte destination", "finance.cashflow.1.Snowflake"));
        assertThat(provisioned.path("logs").toString()).contains("source").contains("connection");

        int writes = airbyte.writes();
        JsonNode again = AsyncTasks.run(
                client, "/airbyte/v1/provision", Examples.withPreviousInfo(REQUEST, COMPONENT, provisioned));
        assertThat(again.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(airbyte.writes())
                .as("re-provisioning unchanged writes nothing: %s %s", airbyte.requests(), again.path("logs"))
                .isEqualTo(writes);
        assertThat(again.path("info").path("privateInfo").path("connectionId").asText())
                .isEqualTo(connectionId);

        JsonNode unprovisioned = AsyncTasks.completed(
                client, "/v1/unprovision", Examples.withPreviousInfo(REQUEST, COMPONENT, provisioned));
        assertThat(airbyte.stored("connections")).isEmpty();
        assertThat(airbyte.stored("destinations")).isEmpty();
        assertThat(airbyte.stored("sources")).isEmpty();
    }

    @Test
    void anAirbyteRejectionIsAFailedTaskNamingTheCallNotAnInvalidDescriptor() {
        airbyte.fail(FakeAirbyteServer.Fault.rejectEchoing("POST", "/v1/destinations"), 1);

        JsonNode failed = AsyncTasks.run(client, "/v1/provision", REQUEST);

        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("result").asText())
                .contains("Airbyte POST /v1/destinations failed (rejected, 422)")
                .doesNotContain(SNOWFLAKE_PASSWORD);
    }
}
