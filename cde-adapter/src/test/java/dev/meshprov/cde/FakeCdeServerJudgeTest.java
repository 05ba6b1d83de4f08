package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CDE fake's judge fails requests that break what public sources show of the jobs API. */
class FakeCdeServerJudgeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FakeCdeServer cde;
    private String bearer;

    @BeforeEach
    void start() throws Exception {
        cde = FakeCdeServer.create("user", "secret", Clock.systemUTC());
        HttpResponse<String> token = HTTP.send(
                HttpRequest.newBuilder(URI.create(cde.url() + FakeCdeServer.TOKEN_PATH))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("user:secret".getBytes(StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        bearer = "Bearer "
                + LoopbackServer.JSON
                        .readTree(token.body())
                        .path("access_token")
                        .asText();
    }

    @AfterEach
    void stop() {
        if (cde != null) {
            cde.violations().expectViolations();
            cde.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cde.apiUrl() + path))
                .header("Authorization", bearer)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_conforming_job_is_created_and_leaves_no_violation() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "/jobs",
                "application/json",
                "{\"name\":\"j\",\"type\":\"spark\",\"mounts\":[{\"resourceName\":\"r\"}],"
                        + "\"spark\":{\"file\":\"a.jar\",\"conf\":{\"k\":\"v\"},\"numExecutors\":2}}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(cde.violations().found()).isEmpty();
        FakeCdeServer closing = cde;
        cde = null;
        closing.close();
    }

    @Test
    void an_unknown_job_field_is_answered_400_and_recorded() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "/jobs",
                "application/json",
                "{\"name\":\"j\",\"type\":\"spark\",\"spark\":{\"file\":\"a.jar\",\"executorCount\":2}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(cde.violations().found()).singleElement().asString().contains("executorCount");
    }

    @Test
    void a_conf_value_that_is_not_a_string_is_a_violation() throws Exception {
        send("POST", "/jobs", "application/json", "{\"name\":\"j\",\"type\":\"spark\",\"spark\":{\"conf\":{\"k\":1}}}");

        assertThat(cde.violations().found()).hasSize(1);
    }

    @Test
    void an_unknown_resource_field_path_or_method_is_a_violation() throws Exception {
        send("POST", "/resources", "application/json", "{\"name\":\"r\",\"retention-policy\":\"keep_indefinitely\"}");
        send("GET", "/resourcez/r", null, null);
        send("PUT", "/jobs/j", "application/json", "{}");

        assertThat(cde.violations().found()).hasSize(3);
    }

    @Test
    void an_upload_that_is_not_one_multipart_part_named_file_is_a_violation() throws Exception {
        send("POST", "/resources", "application/json", "{\"name\":\"r\",\"type\":\"files\"}");
        String twoParts = "--b\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"a\"\r\n\r\nx\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\ny\r\n--b--\r\n";

        HttpResponse<String> response = send("PUT", "/resources/r/a.jar", "multipart/form-data; boundary=b", twoParts);
        send("PUT", "/resources/r/b.jar", "application/octet-stream", "raw bytes");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(cde.violations().found()).hasSize(2);
    }

    @Test
    void close_fails_the_test_that_broke_the_contract() throws Exception {
        send("POST", "/jobs", "application/json", "{\"type\":\"spark\"}");
        FakeCdeServer closing = cde;
        cde = null;

        assertThatThrownBy(closing::close).isInstanceOf(AssertionError.class).hasMessageContaining("name");
    }
}
