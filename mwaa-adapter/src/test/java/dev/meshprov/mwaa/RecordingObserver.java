package dev.meshprov.mwaa;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import java.util.ArrayList;
import java.util.List;

/** Keeps every reported upstream call attempt, to count calls in tests. */
final class RecordingObserver implements UpstreamObserver {

    private final List<UpstreamCall> calls = new ArrayList<>();

    @Override
    public synchronized void completed(UpstreamCall call) {
        calls.add(call);
    }

    synchronized List<UpstreamCall> calls() {
        return List.copyOf(calls);
    }

    synchronized long count(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).count();
    }

    synchronized void clear() {
        calls.clear();
    }
}
