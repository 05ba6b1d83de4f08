package dev.meshprov.http.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The meters of one name by three label values, registered once and then found by plain map look-ups: building a
 * meter's tags and id for every request or upstream call (as {@code Timer.builder(...).tag(...).register(...)}
 * does) allocates a dozen objects each time only to find the meter already registered.
 *
 * @param <M> the meter type
 */
final class MeterTable<M> {

    /** Registers the meter of three label values (called once per combination). */
    @FunctionalInterface
    interface Registration<M> {
        M register(String first, String second, String third);
    }

    private final ConcurrentMap<String, ConcurrentMap<String, ConcurrentMap<String, M>>> meters =
            new ConcurrentHashMap<>();
    private final Registration<M> registration;

    MeterTable(Registration<M> registration) {
        this.registration = registration;
    }

    /** The meter of the three label values, registered on first use. */
    M get(String first, String second, String third) {
        ConcurrentMap<String, M> byThird = meters.computeIfAbsent(first, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(second, key -> new ConcurrentHashMap<>());
        M meter = byThird.get(third);
        return meter != null ? meter : byThird.computeIfAbsent(third, key -> registration.register(first, second, key));
    }
}
