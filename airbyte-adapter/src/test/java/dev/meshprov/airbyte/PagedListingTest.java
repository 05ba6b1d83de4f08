package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.airbyte.FakeAirbyteServer.Fault;
import dev.meshprov.core.airbyte.Connector;
import dev.meshprov.core.airbyte.ConnectorKind;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How lists follow Airbyte's pages: the offset of each {@code next} link, and when to stop. */
class PagedListingTest {

    private static final String WORKSPACE = "0b7e6c4a-3d2f-4e1a-9b8c-7d6e5f4a3b2c";
    private static final String LIST = "GET /v1/sources?workspaceIds=" + WORKSPACE + "&limit=100&offset=";

    private final FakeAirbyteServer server = FakeAirbyteServer.start().workspace(WORKSPACE, "pages");
    private final FeignAirbyteGateway gateway = TestGateways.gateway(
            TestGateways.section(server.apiUrl(), WORKSPACE, TestGateways.GENEROUS_TIMEOUTS, ""),
            TestGateways.context(Clock.systemUTC(), new Redactor(), UpstreamObserver.none()),
            new TestGateways.RecordingSleeper());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void onlyTheOffsetOfANextLinkOnAnotherHostIsTaken() {
        page(List.of("a", "b"), "http://airbyte-server-svc:8001/api/public/v1/sources?limit=2&offset=5");
        page(List.of("c"), "");

        assertThat(listedIds()).containsExactly("a", "b", "c");
        assertThat(server.requests()).containsExactly(LIST + 0, LIST + 5);
    }

    @Test
    void aNextLinkWithoutAnOffsetContinuesAfterTheEntitiesRead() {
        page(List.of("a", "b"), "there is more");
        page(List.of("c"), null);

        assertThat(listedIds()).containsExactly("a", "b", "c");
        assertThat(server.requests()).containsExactly(LIST + 0, LIST + 2);
    }

    @Test
    void aNextLinkThatGoesBackOrAnEmptyPageEndsTheList() {
        page(List.of("a"), "/v1/sources?offset=0");
        assertThat(listedIds()).containsExactly("a");

        page(List.of(), "/v1/sources?offset=100");
        assertThat(listedIds()).isEmpty();

        assertThat(server.requests()).containsExactly(LIST + 0, LIST + 0);
    }

    @Test
    void anEntityThatCannotBeReadFailsTheList() {
        server.fail(Fault.raw("GET", "/v1/sources", 200, "{\"data\": [{\"name\": \"no id\"}], \"next\": \"\"}"), 1);

        UpstreamFailure failure =
                gateway.connectorsNamed(ConnectorKind.SOURCE, WORKSPACE, "x").getLeft();

        assertThat(failure.describe()).contains("lacks sourceId, name or workspaceId");
    }

    /** The ids of the sources named {@code listed}, which every page holds. */
    private List<String> listedIds() {
        return gateway.connectorsNamed(ConnectorKind.SOURCE, WORKSPACE, "listed")
                .map(found -> found.stream().map(Connector::id).toList())
                .get();
    }

    /** The next list answer: sources named {@code listed} with these ids, and the {@code next} link. */
    private void page(List<String> ids, String next) {
        String data = String.join(
                ", ",
                ids.stream()
                        .map(id -> "{\"sourceId\": \"" + id + "\", \"name\": \"listed\", \"workspaceId\": \""
                                + WORKSPACE + "\"}")
                        .toList());
        String link = next == null ? "" : ", \"next\": \"" + next + "\"";
        server.fail(Fault.raw("GET", "/v1/sources", 200, "{\"data\": [" + data + "]" + link + "}"), 1);
    }
}
