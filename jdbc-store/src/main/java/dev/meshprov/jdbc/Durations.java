package dev.meshprov.jdbc;

import java.time.Duration;

/** Durations written the way the configuration takes them: {@code 30s}, {@code 500ms}. */
final class Durations {

    private Durations() {}

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
