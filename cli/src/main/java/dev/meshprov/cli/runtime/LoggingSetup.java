package dev.meshprov.cli.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.meshprov.http.bootstrap.LoggingSettings;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Sets the log level and format at start from the {@code logging} section, writing to the command's stderr.
 *
 * <ul>
 *   <li>{@code serve}: meshprov's loggers at {@code logging.level} (default {@code info}), format
 *       {@code logging.format} (default {@code json}, one object per line, logback's {@link JsonEncoder}).
 *   <li>every other command: warnings and errors only ({@code logging.level: error} or {@code debug} are honoured),
 *       plain text unless {@code logging.format: json} is configured.
 * </ul>
 *
 * Other libraries (the AWS SDK, Jetty, Javalin) log warnings and errors only.
 */
public final class LoggingSetup {

    /** Which defaults apply. */
    public enum Profile {
        /** A command that runs and ends: quiet. */
        COMMAND,
        /** The HTTP server: informative, structured. */
        SERVER
    }

    static final String APPENDER = "STDERR";
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger - %msg%n";
    private static final String OWN_LOGGERS = "dev.meshprov";

    private LoggingSetup() {}

    /**
     * Applies the profile and the configured settings (as written, absent values {@code null}) to logback; logs go to
     * {@code stderr}.
     */
    public static void apply(Profile profile, Optional<LoggingSettings> configured, PrintStream stderr) {
        LoggingSettings effective = effective(profile, configured.orElse(new LoggingSettings(null, null)));
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender(context, effective.format(), stderr));
        root.setLevel(Level.WARN);
        context.getLogger(OWN_LOGGERS).setLevel(level(effective.level()));
    }

    /** The format and level that apply: the configured ones, within the profile's bounds, else its defaults. */
    static LoggingSettings effective(Profile profile, LoggingSettings configured) {
        if (profile == Profile.SERVER) {
            return configured.withDefaults();
        }
        LoggingSettings.Level level =
                configured.level() == LoggingSettings.Level.ERROR || configured.level() == LoggingSettings.Level.DEBUG
                        ? configured.level()
                        : LoggingSettings.Level.WARN;
        LoggingSettings.Format format = configured.format() == null ? LoggingSettings.Format.TEXT : configured.format();
        return new LoggingSettings(format, level);
    }

    private static OutputStreamAppender<ILoggingEvent> appender(
            LoggerContext context, LoggingSettings.Format format, PrintStream stderr) {
        Encoder<ILoggingEvent> encoder = format == LoggingSettings.Format.JSON ? json() : text();
        encoder.setContext(context);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setName(APPENDER);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setImmediateFlush(true);
        appender.setOutputStream(new NotClosing(stderr));
        appender.start();
        return appender;
    }

    private static Encoder<ILoggingEvent> json() {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        return encoder;
    }

    private static Encoder<ILoggingEvent> text() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(TEXT_PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        return encoder;
    }

    private static Level level(LoggingSettings.Level level) {
        return switch (level) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARN;
            case INFO -> Level.INFO;
            case DEBUG -> Level.DEBUG;
        };
    }

    /** Stopping an appender closes its stream; stderr must stay open. */
    private static final class NotClosing extends FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
