package dev.meshprov.cde;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every reported upstream call attempt. */
final class CollectingObserver implements UpstreamObserver {

    private final List<UpstreamCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public void completed(UpstreamCall call) {
        calls.add(call);
    }

    List<UpstreamCall> calls() {
        return List.copyOf(calls);
    }

    void clear() {
        calls.clear();
    }
}
