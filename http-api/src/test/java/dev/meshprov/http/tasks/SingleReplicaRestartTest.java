package dev.meshprov.http.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.TestControls;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One replica keeping its tasks in an H2 file: what it answered before a restart it still answers after. */
class SingleReplicaRestartTest {

    @TempDir
    Path directory;

    @Test
    void aFinishedTaskIsStillPollableAfterARestart() {
        String config = Replica.config("jdbc:h2:file:" + directory.resolve("tasks"), "1s");
        TestControls controls = new TestControls();
        String token;
        try (Replica before = Replica.start(config, controls)) {
            token = before.client()
                    .post("/v1/provision", Requests.provisioning("beta", "durable", Map.of("name", "kept")))
                    .body();
            assertThat(before.client()
                            .pollUntilFinished("/v1/provision/" + token + "/status")
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("COMPLETED");
        }

        try (Replica after = Replica.start(config, controls)) {
            ApiResponse status = after.client().get("/v1/provision/" + token + "/status");

            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(status.json().path("result").asText()).isEqualTo("Thing kept provisioned");
        }
    }
}
