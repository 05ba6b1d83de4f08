package dev.meshprov.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written with a unit ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d}) or ISO-8601. */
final class DurationReader extends JsonDeserializer<Duration> {

    private static final Pattern WITH_UNIT = Pattern.compile("^\\s*(\\d+)\\s*(ms|s|m|h|d)\\s*$");

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
        }
        String text = p.getText();
        Optional<Duration> parsed = parse(text);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, "not a duration");
    }

    /** Parses a duration with a unit or in ISO-8601; empty when it is neither. */
    static Optional<Duration> parse(String text) {
        Matcher matcher = WITH_UNIT.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(
                    switch (matcher.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    });
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
