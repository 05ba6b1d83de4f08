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
 * the JDK HTTP client via the platform logging bridge, Jetty and Javalin), instead of printing them.
 */
final class LogCapture implements AutoCloseable {

    private static final List<String> LOGGERS =
            List.of("dev.meshprov", "feign", "software.amazon.awssdk", "io.javalin", "org.eclipse.jetty", "jdk");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Saved> saved = new ArrayList<>();

    private record Saved(Logger logger, Level level, boolean additive) {}

    private LogCapture() {}

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.appender.setContext(context);
        capture.appender.start();
        for (String name : LOGGERS) {
            Logger logger = context.getLogger(name);
            capture.saved.add(new Saved(logger, logger.getLevel(), logger.isAdditive()));
            logger.setLevel(name.startsWith("dev.meshprov") || name.equals("feign") ? Level.DEBUG : Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(capture.appender);
        }
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
    }
}
