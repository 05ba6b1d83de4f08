package dev.meshprov.core.testing;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link UpstreamObserver} for tests: keeps every reported call attempt, in the order reported. */
public final class CollectingUpstreamObserver implements UpstreamObserver {

    private final List<UpstreamCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public void completed(UpstreamCall call) {
        calls.add(call);
    }

    public List<UpstreamCall> calls() {
        return List.copyOf(calls);
    }

    /** Each attempt as its operation and outcome, e.g. {@code POST /v1/sources 500}, for sequence assertions. */
    public List<String> attempts() {
        return calls.stream()
                .map(call -> call.operation() + " " + call.outcome())
                .toList();
    }

    /** The number of attempts of one operation, e.g. {@code CopyObject}. */
    public long count(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).count();
    }

    /** Forgets the attempts so far, e.g. those of a set-up. */
    public void clear() {
        calls.clear();
    }
}
