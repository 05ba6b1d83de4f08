package dev.meshprov.core.testing;

import dev.meshprov.core.model.LogLevel;
import dev.meshprov.core.port.OperationLog;
import java.util.ArrayList;
import java.util.List;

/** An {@link OperationLog} for tests: keeps every entry as {@code LEVEL [phase] message}. */
public final class CollectingOperationLog implements OperationLog {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void record(LogLevel level, String phase, String message) {
        lines.add(level + " [" + phase + "] " + message);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every message joined, for "contains"/"does not contain" assertions. */
    public synchronized String text() {
        return String.join("\n", lines);
    }
}
