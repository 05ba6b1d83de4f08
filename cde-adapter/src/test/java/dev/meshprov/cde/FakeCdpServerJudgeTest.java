package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CDP fake's judge fails requests that break de.yaml or CDP's signing rules, and fails the test on close. */
class FakeCdpServerJudgeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final CdpApiKey KEY =
            CdpApiKey.parse(TestKeys.ACCESS_KEY_ID, TestKeys.ed25519Seed()).orElseThrow();

    private FakeCdpServer cdp;

    @BeforeEach
    void start() {
        cdp = FakeCdpServer.create(TestKeys.ACCESS_KEY_ID, TestKeys.ED25519.getPublic());
        cdp.addService("svc", "ClusterCreationCompleted", "svc.example");
    }

    @AfterEach
    void stop() {
        if (cdp != null) {
            cdp.violations().expectViolations();
            cdp.close();
        }
    }

    private HttpResponse<String> post(String path, String body, boolean signed) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cdp.url() + path))
                .header("Content-Type", "application/json")
                .header("x-altus-date", date)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        request.header(
                "x-altus-auth",
                signed
                        ? KEY.authHeader("POST", "application/json", date, path)
                        : KEY.authHeader("POST", "application/json", date, "/api/v1/de/other"));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return LoopbackServer.JSON.readTree(response.body());
    }

    @Test
    void a_conforming_request_is_answered_and_leaves_no_violation() throws Exception {
        HttpResponse<String> response = post("/api/v1/de/listServices", "{\"removeDeleted\":true}", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("services").get(0).path("name").asText()).isEqualTo("svc");
        assertThat(cdp.violations().found()).isEmpty();
        FakeCdpServer closing = cdp;
        cdp = null;
        closing.close();
    }

    @Test
    void an_unknown_request_field_is_answered_400_as_cdp_would_and_recorded() throws Exception {
        HttpResponse<String> response = post("/api/v1/de/listServices", "{\"removeDeleted\":true,\"x\":1}", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("code").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(cdp.violations().found()).singleElement().asString().contains("listServices");
    }

    @Test
    void a_missing_required_field_and_a_wrong_type_are_violations() throws Exception {
        post("/api/v1/de/describeService", "{}", true);
        post("/api/v1/de/listVcs", "{\"clusterId\": 7}", true);

        assertThat(cdp.violations().found()).hasSize(2);
    }

    @Test
    void an_operation_de_yaml_does_not_define_is_a_violation() throws Exception {
        HttpResponse<String> response = post("/api/v1/de/listJobs", "{}", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(cdp.violations().found()).singleElement().asString().contains("listJobs");
    }

    @Test
    void a_signature_over_another_path_is_refused_401_and_recorded() throws Exception {
        HttpResponse<String> response = post("/api/v1/de/listServices", "{}", false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(cdp.violations().found()).singleElement().asString().contains("signature");
    }

    @Test
    void close_fails_the_test_that_broke_the_contract_unless_it_said_so() throws Exception {
        post("/api/v1/de/listServices", "{\"unknown\":true}", true);
        FakeCdpServer closing = cdp;
        cdp = null;

        assertThatThrownBy(closing::close)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("contract violation");
    }

    @Test
    void a_test_that_declares_a_violation_fails_when_none_happened() {
        FakeCdpServer closing = cdp;
        cdp = null;
        closing.violations().expectViolations();

        assertThatThrownBy(closing::close).isInstanceOf(AssertionError.class).hasMessageContaining("declared");
    }
}
