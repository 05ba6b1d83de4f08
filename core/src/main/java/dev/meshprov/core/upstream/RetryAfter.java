package dev.meshprov.core.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: a number of seconds, or an HTTP date (RFC 1123). */
public final class RetryAfter {

    private RetryAfter() {}

    /** How long the upstream asks to wait; empty when the value is neither form. A date in the past is zero. */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Duration until =
                    Duration.between(clock.instant(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
