package dev.meshprov.cli.runtime;

import dev.meshprov.http.logging.LoggingSettings;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Chooses the log level and format of a command from the {@code logging} section, and installs them (through the
 * HTTP API's {@link dev.meshprov.http.logging.LoggingSetup}, so the server and the CLI log the same way) on the
 * command's stderr.
 *
 * <ul>
 *   <li>{@code serve}: meshprov's loggers at {@code logging.level} (default {@code info}), format
 *       {@code logging.format} (default {@code json}, one object per line).
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

    private LoggingSetup() {}

    /**
     * Applies the profile and the configured settings (as written, absent values {@code null}) to logback; logs go to
     * {@code stderr}, which stays open when logging is configured again.
     */
    public static void apply(Profile profile, Optional<LoggingSettings> configured, PrintStream stderr) {
        LoggingSettings effective = effective(profile, configured.orElse(new LoggingSettings(null, null)));
        dev.meshprov.http.logging.LoggingSetup.apply(effective, new NotClosing(stderr));
    }

    /**
     * The quiet default on {@code stderr}, installed into {@code context} while logback initialises (see {@link
     * QuietLoggingDefault}), before any configuration is read.
     */
    static void applyDefault(ch.qos.logback.classic.LoggerContext context, PrintStream stderr) {
        dev.meshprov.http.logging.LoggingSetup.apply(
                context, effective(Profile.COMMAND, new LoggingSettings(null, null)), new NotClosing(stderr));
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

    /** Reconfiguring logback closes the old stream; stderr must stay open. */
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
