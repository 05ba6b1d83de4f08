package dev.meshprov.core.airbyte;

import dev.meshprov.core.cron.CronDialect;
import dev.meshprov.core.cron.CronReader;
import dev.meshprov.core.cron.ParsedCron;
import io.vavr.control.Either;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A cron expression as Airbyte's public API reads one: an optional time-zone suffix, then a Quartz expression that
 * cron-utils parses ({@code AirbyteCatalogHelper.validateCronConfiguration}, docs/adr/0008). Reading accepts any
 * suffix (a connection edited in the Airbyte UI may carry one); {@link #frequencyProblem} and the zone checks of
 * {@link ScheduleRules} are Airbyte's limits on what may be sent.
 */
final class ScheduleCron {

    /** The only zone Airbyte's public API takes; it stores every schedule with {@code cronTimeZone: UTC}. */
    static final String UTC = "UTC";

    /**
     * A read expression.
     *
     * @param quartz the Quartz fields
     * @param timeZone the time-zone suffix, when the expression had one
     */
    record Parsed(ParsedCron quartz, Optional<String> timeZone) {

        /** The fields as written, single spaced, without the suffix. */
        String fields() {
            return quartz.text();
        }

        /** What meshprov sends: the fields and {@code UTC}, as Airbyte answers them back. */
        String inUtc() {
            return fields() + " " + UTC;
        }
    }

    private ScheduleCron() {}

    /** The read expression, or a phrase saying precisely what is wrong with it. */
    static Either<String, Parsed> read(String expression) {
        String trimmed = expression.strip();
        if (trimmed.isEmpty()) {
            return Either.left("is empty");
        }
        Optional<String> zone = Optional.empty();
        List<String> tokens;
        if (trimmed.endsWith(UTC)) {
            // as Airbyte does: an expression ending in UTC loses every "UTC" and is parsed in UTC
            zone = Optional.of(UTC);
            tokens = tokens(trimmed.replace(UTC, ""));
        } else {
            tokens = tokens(trimmed);
            if (endsWithZone(tokens)) {
                zone = Optional.of(tokens.get(tokens.size() - 1));
                tokens = tokens.subList(0, tokens.size() - 1);
                if (!isZoneId(zone.get())) {
                    return Either.left("ends with '" + zone.get() + "', which is not a time-zone id; Airbyte schedules"
                            + " run in UTC, so end it with UTC or nothing");
                }
            }
        }
        if (tokens.size() == 5) {
            return Either.left("has 5 fields like a Unix cron, but Airbyte needs a Quartz cron expression with"
                    + " seconds first (seconds minutes hours day-of-month month day-of-week), e.g. '"
                    + quartzFromUnix(tokens) + "'");
        }
        Optional<String> finalZone = zone;
        return CronReader.read(CronDialect.QUARTZ, String.join(" ", tokens))
                .map(quartz -> new Parsed(quartz, finalZone));
    }

    /**
     * Airbyte's public API test for "more frequent than hourly": the seconds field of cron-utils' canonical form
     * must be a plain integer, and the minutes field too when there is a year field. Empty when the test passes.
     */
    static Optional<String> frequencyProblem(Parsed parsed) {
        List<String> canonical = parsed.quartz().canonicalFields();
        List<String> written = parsed.quartz().fields();
        if (!isNumber(canonical.get(0))) {
            return Optional.of("has '" + written.get(0) + "' in the seconds field, so it runs "
                    + parsed.quartz().describe() + "; Airbyte takes a single number there (its public API refuses"
                    + " schedules more frequent than hourly by this test)");
        }
        if (canonical.size() == 7 && !isNumber(canonical.get(1))) {
            return Optional.of("has '" + written.get(1) + "' in the minutes field and a year field, so it runs "
                    + parsed.quartz().describe() + "; with a year field Airbyte takes a single number in the minutes"
                    + " field too (its public API refuses schedules more frequent than hourly by this test)");
        }
        return Optional.empty();
    }

    static boolean isZoneId(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isNumber(String field) {
        return field.matches("\\d+");
    }

    private static List<String> tokens(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    /**
     * Whether the last token is a time zone rather than a year or a day-of-week: with seven or more tokens any
     * letters mean a zone (years have none); with six, only a real zone id (no day-of-week is one).
     */
    private static boolean endsWithZone(List<String> tokens) {
        if (tokens.size() < 6) {
            return false;
        }
        String last = tokens.get(tokens.size() - 1);
        return last.chars().anyMatch(Character::isLetter) && (tokens.size() > 6 || isZoneId(last));
    }

    private static String quartzFromUnix(List<String> unix) {
        String dayOfMonth = unix.get(2);
        String dayOfWeek = unix.get(4);
        if (dayOfWeek.equals("*")) {
            dayOfWeek = "?";
        } else if (dayOfMonth.equals("*")) {
            dayOfMonth = "?";
        }
        return "0 " + unix.get(0) + " " + unix.get(1) + " " + dayOfMonth + " " + unix.get(3) + " " + dayOfWeek;
    }
}
