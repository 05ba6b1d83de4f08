package dev.meshprov.http.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** {@link LoggingSetup} and {@link JsonLineEncoder}: formats, levels, fields. */
class LoggingSetupTest {

    private static final Logger OURS = LoggerFactory.getLogger("dev.meshprov.test");
    private static final Logger THEIRS = LoggerFactory.getLogger("org.example.library");

    @Test
    void textFormatHasTheTraceIdInEachLine() {
        try (CapturedLog log = new CapturedLog(new LoggingSettings(LoggingSettings.Format.TEXT, null))) {
            MDC.put(TraceId.MDC_KEY, "abc-123");
            try {
                OURS.info("hello {}", "world");
            } finally {
                MDC.remove(TraceId.MDC_KEY);
            }

            assertThat(log.text())
                    .matches(
                            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[[^]]+] dev\\.meshprov\\.test "
                                    + "\\[abc-123] - hello world\\R");
        }
    }

    @Test
    void theLevelAppliesToMeshprovsLoggersAndOthersLogWarningsOnly() {
        try (CapturedLog log =
                new CapturedLog(new LoggingSettings(LoggingSettings.Format.JSON, LoggingSettings.Level.DEBUG))) {
            OURS.debug("ours at debug");
            THEIRS.info("theirs at info");
            THEIRS.warn("theirs at warn");

            assertThat(log.lines())
                    .extracting(line -> line.path("level").asText() + " "
                            + line.path("message").asText())
                    .containsExactly("DEBUG ours at debug", "WARN theirs at warn");
        }
    }

    @Test
    void jsonLinesCarryMdcKeyValuePairsAndTheStackTraceAndStayValidWhateverTheyHold() {
        try (CapturedLog log = new CapturedLog(new LoggingSettings(null, null))) {
            MDC.put("message", "an MDC entry must not replace the message");
            MDC.put(TraceId.TASK_MDC_KEY, "token-1");
            try {
                OURS.atWarn()
                        .addKeyValue("count", 3)
                        .addKeyValue("quote", "say \"hi\"\nplease")
                        .setCause(new IllegalStateException("broken"))
                        .log("with a \"quote\" and a newline\nin the message");
            } finally {
                MDC.clear();
            }

            JsonNode line = log.lines().get(0);
            assertThat(line.path("message").asText()).isEqualTo("with a \"quote\" and a newline\nin the message");
            assertThat(line.path("taskId").asText()).isEqualTo("token-1");
            assertThat(line.path("count").isIntegralNumber()).isTrue();
            assertThat(line.path("count").asInt()).isEqualTo(3);
            assertThat(line.path("quote").asText()).isEqualTo("say \"hi\"\nplease");
            assertThat(line.path("exception").asText())
                    .startsWith("java.lang.IllegalStateException: broken")
                    .contains("at dev.meshprov.http.logging.LoggingSetupTest");
            assertThat(log.text().lines()).hasSize(1);
        }
    }
}
