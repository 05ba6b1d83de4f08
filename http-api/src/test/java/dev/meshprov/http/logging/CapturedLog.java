package dev.meshprov.http.logging;

import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * The process's log, set up by {@link LoggingSetup} into a buffer for one test class; {@link #close()} puts back the
 * configuration of the test classpath ({@code logback-test.xml}).
 */
public final class CapturedLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public CapturedLog(LoggingSettings settings) {
        if (!LoggingSetup.apply(settings, buffer)) {
            throw new IllegalStateException("SLF4J is not bound to logback in the tests");
        }
    }

    /** Everything logged so far, as text. */
    public String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Every line logged so far, parsed as JSON (fails on a line that is not a JSON object). */
    List<JsonNode> lines() {
        return text().lines().map(CapturedLog::parse).toList();
    }

    /** Waits (bounded) until a line matching {@code wanted} was logged, e.g. the access line written after a reply. */
    JsonNode awaitLine(Predicate<JsonNode> wanted) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            for (JsonNode line : lines()) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        return fail("no such log line in:%n%s", text());
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("cannot restore the test logging configuration", e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                return fail("not a JSON object: %s", line);
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }
}
