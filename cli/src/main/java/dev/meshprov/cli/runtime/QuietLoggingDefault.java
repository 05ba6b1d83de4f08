package dev.meshprov.cli.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.PrintStream;

/**
 * Logback's configuration until a command has read the {@code logging} section ({@link LoggingSetup} then installs
 * the configured one): plain text on stderr, warnings and errors only, so that stdout carries nothing but results.
 * Found by logback through {@code META-INF/services}; configuring in code instead of a {@code logback.xml} spares
 * every start the XML parser and logback's XML configurator (some 600 classes).
 */
public final class QuietLoggingDefault extends ContextAwareBase implements Configurator {

    private final PrintStream stderr;

    /** For logback's service loader: logs to the process's stderr. */
    public QuietLoggingDefault() {
        this(System.err);
    }

    QuietLoggingDefault(PrintStream stderr) {
        this.stderr = stderr;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LoggingSetup.applyDefault(context, stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
