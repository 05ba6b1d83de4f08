package dev.meshprov.http.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;

/** Runs an asynchronous operation through the API: the 202 with its token, then the status polled to the end. */
final class AsyncTasks {

    private AsyncTasks() {}

    /**
     * Posts {@code body} to {@code path} ({@code /v1/provision} or {@code /v1/unprovision}, under any prefix),
     * checks the answer is a 202 with the bare token as text, and polls {@code /v1/provision/{token}/status} (under
     * the same prefix) until the task is no longer RUNNING.
     *
     * @return the final status body, which must be a 200
     */
    static JsonNode run(ApiClient client, String path, JsonNode body) {
        ApiResponse accepted = client.post(path, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.mediaType()).isEqualTo("text/plain");
        String token = accepted.body();
        assertThat(token).isNotBlank().doesNotContainAnyWhitespaces();
        String prefix = path.substring(0, path.indexOf("/v1/"));
        ApiResponse finished = client.pollUntilFinished(prefix + "/v1/provision/" + token + "/status");
        assertThat(finished.status()).as(finished.body()).isEqualTo(200);
        assertThat(finished.mediaType()).isEqualTo("application/json");
        return finished.json();
    }

    /** {@link #run}, and the task must have completed. */
    static JsonNode completed(ApiClient client, String path, JsonNode body) {
        JsonNode status = run(client, path, body);
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("COMPLETED");
        return status;
    }
}
