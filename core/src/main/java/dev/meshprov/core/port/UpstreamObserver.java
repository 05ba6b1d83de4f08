package dev.meshprov.core.port;

/**
 * Told about every attempt of every upstream call, so the composition root can log it (method, path, status,
 * duration) and count it in metrics. Adapters call it; implementations are thread-safe and never throw.
 */
@FunctionalInterface
public interface UpstreamObserver {

    void completed(UpstreamCall call);

    /** An observer that ignores everything. */
    static UpstreamObserver none() {
        return call -> {};
    }
}
