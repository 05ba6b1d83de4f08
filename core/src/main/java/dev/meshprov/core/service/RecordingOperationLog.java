package dev.meshprov.core.service;

import dev.meshprov.core.model.LogEntry;
import dev.meshprov.core.model.LogLevel;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.secret.Redactor;
import java.lang.System.Logger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Collects the steps of one operation as contract log entries (redacted, timestamped by the clock) and mirrors them
 * to the process log with the operation's context. Thread-safe.
 */
final class RecordingOperationLog implements OperationLog {

    private static final Logger LOG = System.getLogger("dev.meshprov.operation");

    private final Clock clock;
    private final Redactor redactor;
    private final String context;
    private final Consumer<List<LogEntry>> onChange;
    private final List<LogEntry> entries = new ArrayList<>();

    RecordingOperationLog(Clock clock, Redactor redactor, String context, Consumer<List<LogEntry>> onChange) {
        this.clock = clock;
        this.redactor = redactor;
        this.context = context;
        this.onChange = onChange;
    }

    @Override
    public void record(LogLevel level, String phase, String message) {
        String safe = redactor.redact(message);
        List<LogEntry> snapshot;
        synchronized (entries) {
            entries.add(new LogEntry(clock.instant(), level, safe, Optional.ofNullable(phase)));
            snapshot = List.copyOf(entries);
        }
        LOG.log(systemLevel(level), "{0} [{1}] {2}", context, phase == null ? "-" : phase, safe);
        onChange.accept(snapshot);
    }

    List<LogEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    private static Logger.Level systemLevel(LogLevel level) {
        return switch (level) {
            case DEBUG -> Logger.Level.DEBUG;
            case INFO -> Logger.Level.INFO;
            case WARNING -> Logger.Level.WARNING;
            case ERROR -> Logger.Level.ERROR;
        };
    }
}
