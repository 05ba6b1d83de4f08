package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} after real traffic: a sync provision (alpha), an async one that fails upstream after a retry
 * (beta), a status poll and an unknown path. Each assertion names the Prometheus series with its labels.
 */
class MetricsEndpointTest {

    private static TestServer server;
    private static ApiClient client;
    private static List<String> scraped;

    @BeforeAll
    static void trafficThenScrape() {
        server = TestServer.standard();
        client = server.client();
        assertThat(client.post("/v1/provision", Requests.provisioning("alpha", "m-ok", Map.of("name", "m-ok")))
                        .status())
                .isEqualTo(200);
        ApiResponse accepted = client.post(
                "/v1/provision",
                Requests.provisioning("beta", "m-fail", Map.of("name", "m-fail", "failWith", "HTTP 503")));
        assertThat(accepted.status()).isEqualTo(202);
        client.pollUntilFinished("/v1/provision/" + accepted.body() + "/status");
        client.get("/v1/no-such-path");

        ApiResponse metrics = client.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        scraped = metrics.body().lines().toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void httpRequestsAreCountedByRouteTemplateMethodAndStatusWithALatencyHistogram() {
        assertThat(series("http_server_requests_seconds_count"))
                .anyMatch(line -> line.contains("method=\"POST\"")
                        && line.contains("route=\"/v1/provision\"")
                        && line.contains("status=\"200\""))
                .anyMatch(line -> line.contains("method=\"POST\"")
                        && line.contains("route=\"/v1/provision\"")
                        && line.contains("status=\"202\""))
                .anyMatch(line -> line.contains("method=\"GET\"")
                        && line.contains("route=\"/v1/provision/{token}/status\"")
                        && line.contains("status=\"200\""))
                .anyMatch(line -> line.contains("route=\"unmatched\"") && line.contains("status=\"404\""));
        assertThat(series("http_server_requests_seconds_bucket"))
                .anyMatch(line -> line.contains("route=\"/v1/provision\"") && line.contains("le=\"0.1\""))
                .anyMatch(line -> line.contains("route=\"/v1/provision\"") && line.contains("le=\"+Inf\""));
        assertThat(scraped)
                .as("a raw path (with a token or an unknown path) is never a label")
                .noneMatch(line -> line.contains("/v1/no-such-path"))
                .noneMatch(line -> line.matches(".*route=\"/v1/provision/[0-9a-f-]{36}/status\".*"));
    }

    @Test
    void tasksAreCountedByStateTechnologyAndKindWithTheActiveOnesAsGauges() {
        assertThat(series("meshprov_tasks_total"))
                .anyMatch(line -> line.contains("state=\"completed\"")
                        && line.contains("technology=\"alpha\"")
                        && line.contains("kind=\"provision\""))
                .anyMatch(line -> line.contains("state=\"failed\"") && line.contains("technology=\"beta\""))
                .anyMatch(line -> line.contains("state=\"running\"") && line.contains("technology=\"beta\""))
                .anyMatch(line -> line.contains("state=\"waiting\"") && line.contains("technology=\"beta\""));
        assertThat(series("meshprov_tasks_active"))
                .as("every task finished: none waiting or running")
                .isNotEmpty()
                .allMatch(line -> line.endsWith(" 0.0"));
    }

    @Test
    void upstreamCallsAreTimedByTechnologySystemOperationAndOutcomeAndRetriesCounted() {
        assertThat(series("meshprov_upstream_calls_seconds_count"))
                .anyMatch(line -> line.contains("technology=\"alpha\"")
                        && line.contains("system=\"TestUpstream\"")
                        && line.contains("operation=\"PUT /things/{name}\"")
                        && line.contains("outcome=\"200\"")
                        && line.endsWith(" 1"))
                .anyMatch(line -> line.contains("technology=\"beta\"")
                        && line.contains("outcome=\"503\"")
                        && line.endsWith(" 2"));
        assertThat(series("meshprov_upstream_retries_total")).singleElement().satisfies(line -> assertThat(line)
                .contains("technology=\"beta\"", "system=\"TestUpstream\"", "outcome=\"503\"")
                .endsWith(" 1.0"));
        assertThat(scraped).as("the target is not a label").noneMatch(line -> line.contains("/things/m-ok"));
    }

    private static List<String> series(String name) {
        return scraped.stream().filter(line -> line.startsWith(name + "{")).toList();
    }
}
