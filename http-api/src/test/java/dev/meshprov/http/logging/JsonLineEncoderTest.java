package dev.meshprov.http.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** The first field of a name wins: fixed fields over the MDC, the MDC over key-value pairs, an earlier pair over a later. */
class JsonLineEncoderTest {

    private final JsonLineEncoder encoder = new JsonLineEncoder();
    private final LoggerContext context = new LoggerContext();

    @Test
    void aNameIsWrittenOnceTheFirstTime() throws Exception {
        LoggingEvent event = event(Map.of("message", "from the MDC", "traceId", "t-1", "exception", "from the MDC"));
        event.setKeyValuePairs(new ArrayList<>(List.of(
                new KeyValuePair("traceId", "from a pair"),
                new KeyValuePair("count", 3),
                new KeyValuePair("count", 4),
                new KeyValuePair(null, "nameless"),
                new KeyValuePair("level", "from a pair"),
                new KeyValuePair("flag", true))));
        event.setThrowableProxy(new ThrowableProxy(new IllegalStateException("broken")));

        String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode line = new ObjectMapper().readTree(text);

        assertThat(text).endsWith("}\n").hasLineCount(1);
        assertThat(line.path("message").asText()).isEqualTo("the message");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("traceId").asText()).isEqualTo("t-1");
        assertThat(line.path("count").asInt()).isEqualTo(3);
        assertThat(line.path("flag").asBoolean()).isTrue();
        assertThat(line.path("exception").asText()).isEqualTo("from the MDC");
        assertThat(line.size()).isEqualTo(9);
    }

    @Test
    void theStackTraceIsWrittenWhenNoOtherFieldHasTheName() throws Exception {
        LoggingEvent event = event(Map.of());
        event.setThrowableProxy(new ThrowableProxy(new IllegalStateException("broken")));

        JsonNode line = new ObjectMapper().readTree(encoder.encode(event));

        assertThat(line.path("exception").asText()).startsWith("java.lang.IllegalStateException: broken");
    }

    @Test
    void consecutiveLinesOfOneThreadDoNotMix() throws Exception {
        byte[] longer = encoder.encode(event(Map.of("traceId", "x".repeat(2_000))));
        byte[] shorter = encoder.encode(event(Map.of()));

        assertThat(new ObjectMapper().readTree(longer).path("traceId").asText()).hasSize(2_000);
        assertThat(new ObjectMapper().readTree(shorter).has("traceId")).isFalse();
    }

    private LoggingEvent event(Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerContext(context);
        event.setLevel(Level.INFO);
        event.setLoggerName("dev.meshprov.test");
        event.setThreadName("main");
        event.setMessage("the message");
        event.setTimeStamp(0L);
        event.setMDCPropertyMap(mdc);
        return event;
    }
}
