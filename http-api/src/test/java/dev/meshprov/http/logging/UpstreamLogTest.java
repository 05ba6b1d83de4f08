package dev.meshprov.http.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.port.UpstreamCall;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The message of an upstream call names the call and what it was made to once each. */
class UpstreamLogTest {

    @Test
    void aPathTemplateIsShownFilledInOnce() {
        assertThat(UpstreamLog.message(call("Airbyte", "GET /v1/workspaces/{workspaceId}", "/v1/workspaces/w1")))
                .isEqualTo("Airbyte GET /v1/workspaces/w1 -> 503 in 7ms (attempt 2)");
        assertThat(UpstreamLog.message(call("CDP", "POST /api/v1/de/listServices", "/api/v1/de/listServices")))
                .isEqualTo("CDP POST /api/v1/de/listServices -> 503 in 7ms (attempt 2)");
    }

    @Test
    void aCallThatIsNoPathKeepsItsTarget() {
        assertThat(UpstreamLog.message(call("S3", "HeadObject", "bucket/staging/x.py")))
                .isEqualTo("S3 HeadObject bucket/staging/x.py -> 503 in 7ms (attempt 2)");
        assertThat(UpstreamLog.message(call("filesystem", "read", "")))
                .isEqualTo("filesystem read -> 503 in 7ms (attempt 2)");
    }

    private static UpstreamCall call(String system, String operation, String target) {
        return new UpstreamCall(system, operation, target, "503", Duration.ofMillis(7), 2);
    }
}
