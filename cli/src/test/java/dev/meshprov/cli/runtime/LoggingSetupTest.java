package dev.meshprov.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.cli.runtime.LoggingSetup.Profile;
import dev.meshprov.http.logging.LoggingSettings;
import dev.meshprov.http.logging.LoggingSettings.Format;
import dev.meshprov.http.logging.LoggingSettings.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which level and format apply to the server and to the other commands, and that logback follows. */
class LoggingSetupTest {

    @AfterEach
    void quietAgain() {
        LoggingSetup.apply(Profile.COMMAND, Optional.empty(), System.err);
    }

    @ParameterizedTest(name = "{0} with format={1} level={2} -> {3} {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                "SERVER,  -,    -,     JSON, INFO",
                "SERVER,  TEXT, DEBUG, TEXT, DEBUG",
                "SERVER,  -,    WARN,  JSON, WARN",
                "COMMAND, -,    -,     TEXT, WARN",
                "COMMAND, -,    INFO,  TEXT, WARN",
                "COMMAND, JSON, -,     JSON, WARN",
                "COMMAND, -,    ERROR, TEXT, ERROR",
                "COMMAND, -,    DEBUG, TEXT, DEBUG"
            })
    void theEffectiveSettings(Profile profile, Format format, Level level, Format expectedFormat, Level expectedLevel) {
        assertThat(LoggingSetup.effective(profile, new LoggingSettings(format, level)))
                .isEqualTo(new LoggingSettings(expectedFormat, expectedLevel));
    }

    @Test
    void commandsLogWarningsAsTextAndTheAwsSdkOrJettyNotAtInfo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoggingSetup.apply(Profile.COMMAND, Optional.empty(), new PrintStream(err, true, StandardCharsets.UTF_8));

        LoggerFactory.getLogger("dev.meshprov.test").info("not shown");
        LoggerFactory.getLogger("dev.meshprov.test").warn("shown");
        LoggerFactory.getLogger("software.amazon.awssdk.request").info("sdk chatter");
        LoggerFactory.getLogger("org.eclipse.jetty.server.Server").info("jetty chatter");

        assertThat(err.toString(StandardCharsets.UTF_8))
                .matches("\\S+ WARN  \\[[^]]*] dev\\.meshprov\\.test \\[] - shown\\n");
    }

    @Test
    void theServerLogsJsonLinesAtInfoAndTheSdkStillNotAtInfo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoggingSetup.apply(Profile.SERVER, Optional.empty(), new PrintStream(err, true, StandardCharsets.UTF_8));
        Logger logger = LoggerFactory.getLogger("dev.meshprov.test");

        logger.info("hello {}", "world");
        LoggerFactory.getLogger("software.amazon.awssdk.request").info("sdk chatter");
        System.getLogger("dev.meshprov.provisioner").log(System.Logger.Level.INFO, "from the core");

        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .startsWith("{")
                .contains("\"level\":\"INFO\"", "\"logger\":\"dev.meshprov.test\"")
                .contains("\"message\":\"hello world\"");
        assertThat(lines[1]).contains("\"message\":\"from the core\"");
    }
}
