package dev.meshprov.http.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures logback for the server from the {@code logging} settings: one appender on standard output, one JSON
 * object per line ({@link JsonLineEncoder}) or plain text with the correlation id; meshprov's own loggers at the
 * configured level, everything else at {@code WARN}. Replaces whatever configuration logback had (e.g. the CLI's
 * quiet default). Needs logback on the classpath; when SLF4J is bound to another backend it changes nothing.
 */
public final class LoggingSetup {

    /** The plain text layout: time, level, thread, logger, correlation id, message. */
    public static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger [%X{traceId:-}] - %msg%n%ex";

    private LoggingSetup() {}

    /**
     * Logs to standard output as {@code settings} say.
     *
     * @return false when SLF4J is not bound to logback (nothing changed)
     */
    public static boolean apply(LoggingSettings settings) {
        return install(settings, new ConsoleAppender<>(), Optional.empty());
    }

    /**
     * Logs to {@code out} as {@code settings} say (e.g. a file, or a buffer in a test); the stream is closed when
     * logback is configured again.
     *
     * @return false when SLF4J is not bound to logback (nothing changed)
     */
    public static boolean apply(LoggingSettings settings, OutputStream out) {
        return install(settings, new OutputStreamAppender<>(), Optional.of(out));
    }

    /**
     * Configures {@code context} to log to {@code out} as {@code settings} say; for logback's own initialisation (a
     * {@link ch.qos.logback.classic.spi.Configurator}), when SLF4J cannot be asked for the context yet.
     */
    public static void apply(LoggerContext context, LoggingSettings settings, OutputStream out) {
        install(context, settings, new OutputStreamAppender<>(), Optional.of(out));
    }

    private static boolean install(
            LoggingSettings settings, OutputStreamAppender<ILoggingEvent> appender, Optional<OutputStream> out) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return false;
        }
        install(context, settings, appender, out);
        return true;
    }

    private static void install(
            LoggerContext context,
            LoggingSettings settings,
            OutputStreamAppender<ILoggingEvent> appender,
            Optional<OutputStream> out) {
        LoggingSettings effective = settings.withDefaults();
        context.reset();

        Encoder<ILoggingEvent> encoder = encoder(effective.format(), context);
        encoder.start();
        appender.setContext(context);
        appender.setName("MESHPROV");
        appender.setEncoder(encoder);
        out.ifPresent(appender::setOutputStream);
        appender.setImmediateFlush(true);
        appender.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        context.getLogger("dev.meshprov").setLevel(level(effective.level()));
    }

    private static Encoder<ILoggingEvent> encoder(LoggingSettings.Format format, LoggerContext context) {
        if (format == LoggingSettings.Format.TEXT) {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(context);
            text.setPattern(TEXT_PATTERN);
            return text;
        }
        JsonLineEncoder json = new JsonLineEncoder();
        json.setContext(context);
        return json;
    }

    private static Level level(LoggingSettings.Level level) {
        return switch (level) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARN;
            case INFO -> Level.INFO;
            case DEBUG -> Level.DEBUG;
        };
    }
}
