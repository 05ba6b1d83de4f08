package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A technology that puts its configured password into every message (as a careless adapter would) still never gets
 * it into a response or a log line: the value is masked wherever it would have appeared. The client also checks
 * every response of every test for the canaries.
 */
class SecretRedactionTest {

    private static final String MASKED = "(password ***)";
    private static final Map<String, Object> LEAKY = Map.of("leakSecret", true);

    private static TestServer server;
    private static ApiClient client;
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static Logger meshprovLogger;
    private static Level previousLevel;

    @BeforeAll
    static void start() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        meshprovLogger = context.getLogger("dev.meshprov");
        previousLevel = meshprovLogger.getLevel();
        meshprovLogger.setLevel(Level.DEBUG);
        LOG.setContext(context);
        LOG.start();
        meshprovLogger.addAppender(LOG);
        server = TestServer.standard();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
        meshprovLogger.detachAppender(LOG);
        meshprovLogger.setLevel(previousLevel);
        for (ILoggingEvent event : LOG.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            TestServer.CANARIES.forEach(canary -> assertThat(line).doesNotContain(canary));
        }
        assertThat(LOG.list).as("the log was captured").isNotEmpty();
    }

    private static Map<String, Object> leaky(String key, Object value) {
        Map<String, Object> specific = new java.util.HashMap<>(LEAKY);
        specific.put(key, value);
        return specific;
    }

    @Test
    void aValidationProblemQuotingTheSecret() {
        ApiResponse response =
                client.post("/v1/validate", Requests.provisioning("alpha", "leak-1", leaky("problem", "is bad")));

        assertThat(response.json().path("error").path("errors").toString()).contains("is bad " + MASKED);
    }

    @Test
    void aRejectedProvisionQuotingTheSecret() {
        ApiResponse response =
                client.post("/v1/provision", Requests.provisioning("alpha", "leak-2", leaky("problem", "is bad")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("is bad " + MASKED);
    }

    @Test
    void aSuccessfulProvisionWhoseInfoAndLogsQuoteTheSecret() {
        ApiResponse response =
                client.post("/v1/provision", Requests.provisioning("alpha", "leak-3", leaky("name", "leak-3")));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("result").asText()).isEqualTo("Thing leak-3 provisioned " + MASKED);
        assertThat(body.path("info")
                        .path("publicInfo")
                        .path("note")
                        .path("value")
                        .asText())
                .isEqualTo("connected with ***");
        assertThat(body.path("logs").toString()).contains(MASKED);
    }

    @Test
    void aSyncFailureQuotingTheSecret() {
        Map<String, Object> specific = leaky("name", "leak-4");
        specific.put("failWith", "refused");

        ApiResponse response = client.post("/v1/provision", Requests.provisioning("alpha", "leak-4", specific));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().path("error").asText()).endsWith("refused " + MASKED);
    }

    @Test
    void anAsyncFailureQuotingTheSecret() {
        Map<String, Object> specific = leaky("name", "leak-5");
        specific.put("failWith", "refused");
        String token = client.post("/v1/provision", Requests.provisioning("beta", "leak-5", specific))
                .body();

        ApiResponse status = client.pollUntilFinished("/v1/provision/" + token + "/status");

        assertThat(status.json().path("status").asText()).isEqualTo("FAILED");
        assertThat(status.json().path("result").asText()).endsWith("refused " + MASKED);
    }

    @Test
    void anOnlineCheckFailureQuotingTheSecret() {
        Map<String, Object> specific = leaky("name", "leak-6");
        specific.put("upstreamDown", "refused");

        ApiResponse response = client.post("/v1/provision", Requests.provisioning("alpha", "leak-6", specific));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).contains("refused " + MASKED);
    }

    @Test
    void aReverseProvisioningQuotingTheSecret() {
        ApiResponse done = client.post(
                "/v1/reverse-provisioning", Requests.reverse("alpha", Map.of("thingId", "t", "leakSecret", true)));
        ApiResponse failed = client.post(
                "/v1/reverse-provisioning",
                Requests.reverse("alpha", Map.of("thingId", "t", "leakSecret", true, "failWith", "refused")));

        assertThat(done.json().path("logs").toString()).contains(MASKED);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().path("error").asText()).contains("refused " + MASKED);
    }

    @Test
    void aBugWhoseExceptionQuotesTheSecret() {
        ApiResponse response =
                client.post("/v1/provision", Requests.provisioning("alpha", "leak-7", leaky("crash", "boom")));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().path("error").asText()).startsWith("Internal error in meshprov (error id ");
        assertThat(LOG.list).anySatisfy(event -> assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                .contains("IllegalStateException: boom " + MASKED)
                .contains("TestTechnology.validate"));
    }
}
