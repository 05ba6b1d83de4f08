package dev.meshprov.cde;

import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers reused for a short time, so that one request discovers each service and virtual cluster once. Failures
 * are never cached. Thread-safe; concurrent misses may both load.
 */
final class TtlCache<V> {

    private record Entry<V>(V value, Instant expires) {}

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    TtlCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Either<UpstreamFailure, V> get(String key, Supplier<Either<UpstreamFailure, V>> load) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            return Either.right(entry.value());
        }
        Either<UpstreamFailure, V> loaded = load.get();
        if (loaded.isRight() && !ttl.isZero()) {
            entries.put(key, new Entry<>(loaded.get(), now.plus(ttl)));
        }
        return loaded;
    }
}
