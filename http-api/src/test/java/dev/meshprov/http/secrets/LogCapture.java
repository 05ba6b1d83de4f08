package dev.meshprov.http.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures, at DEBUG, every log event of meshprov and of the libraries it calls upstreams with (Feign, the AWS SDK,
 * the JDK HTTP client via the platform logging bridge, Jetty and Javalin) and of the task database's pool (HikariCP),
 * instead of printing them; and every record of the PostgreSQL driver, which logs through java.util.logging.
 */
final class LogCapture implements AutoCloseable {

    private static final List<String> LOGGERS = List.of(
            "dev.meshprov",
            "feign",
            "software.amazon.awssdk",
            "io.javalin",
            "org.eclipse.jetty",
            "jdk",
            "com.zaxxer.hikari");
    private static final List<String> DEBUG_LOGGERS = List.of("dev.meshprov", "feign", "com.zaxxer.hikari");
    private static final String JUL_LOGGER = "org.postgresql";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Saved> saved = new ArrayList<>();
    private final JulRecords julRecords = new JulRecords();
    /** Held here: java.util.logging keeps its loggers only weakly, and a new one would lack the handler. */
    private final java.util.logging.Logger driver = java.util.logging.Logger.getLogger(JUL_LOGGER);

    private java.util.logging.Level savedJulLevel;

    private record Saved(Logger logger, Level level, boolean additive) {}

    /** Keeps the records of a java.util.logging logger, formatted with their thrown exceptions. */
    private static final class JulRecords extends java.util.logging.Handler {
        private final List<String> lines = new ArrayList<>();
        private final java.util.logging.Formatter formatter = new java.util.logging.SimpleFormatter();

        @Override
        public synchronized void publish(java.util.logging.LogRecord record) {
            lines.add(record.getLoggerName() + " " + formatter.format(record));
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private LogCapture() {}

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.appender.setContext(context);
        capture.appender.start();
        for (String name : LOGGERS) {
            Logger logger = context.getLogger(name);
            capture.saved.add(new Saved(logger, logger.getLevel(), logger.isAdditive()));
            logger.setLevel(DEBUG_LOGGERS.contains(name) ? Level.DEBUG : Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(capture.appender);
        }
        capture.savedJulLevel = capture.driver.getLevel();
        capture.driver.setLevel(java.util.logging.Level.ALL);
        capture.driver.addHandler(capture.julRecords);
        return capture;
    }

    /** Every captured line: the message, then the stack trace with every cause's message. */
    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                            ? ""
                            : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        lines.addAll(julRecords.lines());
        return lines;
    }

    @Override
    public void close() {
        for (Saved entry : saved) {
            entry.logger().detachAppender(appender);
            entry.logger().setLevel(entry.level());
            entry.logger().setAdditive(entry.additive());
        }
        appender.stop();
        driver.removeHandler(julRecords);
        driver.setLevel(savedJulLevel);
    }
}
