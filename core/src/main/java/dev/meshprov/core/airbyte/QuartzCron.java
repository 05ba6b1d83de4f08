package dev.meshprov.core.airbyte;

import io.vavr.control.Either;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks cron expressions with the syntax Airbyte accepts: Quartz, with seconds first ({@code 0 0 6 * * ?}), an
 * optional year field, and an optional time-zone suffix as the public API writes it ({@code 0 0 6 * * ? UTC}).
 * Every message names the offending field.
 */
final class QuartzCron {

    /**
     * A checked expression.
     *
     * @param fields the six or seven Quartz fields, space separated
     * @param timeZone the time-zone suffix, when the expression had one
     */
    record Parsed(String fields, Optional<String> timeZone) {

        /** The expression with a time-zone suffix: its own, else {@code defaultZone}. */
        String withZone(String defaultZone) {
            return fields + " " + timeZone.orElse(defaultZone);
        }
    }

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Pattern STEP = Pattern.compile("^(.+)/(\\d+)$");
    private static final Pattern RANGE = Pattern.compile("^([^-]+)-([^-]+)$");

    private enum Field {
        SECONDS("seconds", 0, 59, List.of()),
        MINUTES("minutes", 0, 59, List.of()),
        HOURS("hours", 0, 23, List.of()),
        DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
        MONTH("month", 1, 12, MONTHS),
        DAY_OF_WEEK("day-of-week", 1, 7, DAYS),
        YEAR("year", 1970, 2099, List.of());

        final String label;
        final int min;
        final int max;
        final List<String> names;

        Field(String label, int min, int max, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }

        String position() {
            int n = ordinal() + 1;
            return n + (n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th");
        }

        String allowed() {
            String range = min + "-" + max;
            return names.isEmpty() ? range : range + " or " + names.get(0) + "-" + names.get(names.size() - 1);
        }
    }

    private QuartzCron() {}

    /** The checked expression, or a message saying precisely what is wrong. */
    static Either<String, Parsed> parse(String expression) {
        if (expression.isBlank()) {
            return Either.left("is empty");
        }
        List<String> tokens = Arrays.asList(expression.trim().split("\\s+"));
        Optional<String> zone = Optional.empty();
        if (endsWithZone(tokens)) {
            zone = Optional.of(tokens.get(tokens.size() - 1));
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        if (zone.isPresent()) {
            Optional<String> zoneProblem = zoneProblem(zone.get());
            if (zoneProblem.isPresent()) {
                return Either.left("ends with the time zone '" + zone.get() + "', which " + zoneProblem.get());
            }
        }
        if (tokens.size() == 5) {
            return Either.left("has 5 fields like a Unix cron, but Airbyte needs a Quartz cron expression with"
                    + " seconds first (seconds minutes hours day-of-month month day-of-week), e.g. '"
                    + quartzFromUnix(tokens) + "'");
        }
        if (tokens.size() < 6 || tokens.size() > 7) {
            return Either.left("has " + tokens.size() + " fields, but a Quartz cron expression has 6 or 7"
                    + " (seconds minutes hours day-of-month month day-of-week [year]), e.g. '0 0 6 * * ?'");
        }
        for (int i = 0; i < tokens.size(); i++) {
            Field field = Field.values()[i];
            Optional<String> problem = fieldProblem(field, tokens.get(i).toUpperCase(Locale.ROOT));
            if (problem.isPresent()) {
                return Either.left("has an invalid " + field.label + " field (" + field.position() + ", '"
                        + tokens.get(i) + "'): " + problem.get());
            }
        }
        boolean dayOfMonthAny = tokens.get(3).equals("?");
        boolean dayOfWeekAny = tokens.get(5).equals("?");
        if (dayOfMonthAny == dayOfWeekAny) {
            return Either.left(
                    dayOfMonthAny
                            ? "has '?' in both day-of-month and day-of-week; exactly one of them must be '?'"
                            : "sets both day-of-month ('" + tokens.get(3) + "') and day-of-week ('" + tokens.get(5)
                                    + "'); Quartz needs '?' in exactly one of them, e.g. '0 0 6 * * ?'");
        }
        return Either.right(new Parsed(String.join(" ", tokens), zone));
    }

    /** Why a time zone is not accepted, or empty when it is. */
    static Optional<String> zoneProblem(String zone) {
        if (zone.equals("UTC")) {
            return Optional.empty();
        }
        try {
            ZoneId.of(zone);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("is not a time-zone id (use a region id such as UTC or Europe/Rome)");
        }
    }

    /**
     * Whether the last token is a time zone rather than a year or a day-of-week: with seven or more tokens any
     * letters mean a zone (years have none); with six, only a real zone id that is no day-of-week.
     */
    private static boolean endsWithZone(List<String> tokens) {
        String last = tokens.get(tokens.size() - 1);
        if (tokens.size() < 6 || last.chars().noneMatch(Character::isLetter)) {
            return false;
        }
        return tokens.size() != 6
                || zoneProblem(last).isEmpty()
                        && fieldProblem(Field.DAY_OF_WEEK, last.toUpperCase(Locale.ROOT))
                                .isPresent();
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

    private static Optional<String> fieldProblem(Field field, String text) {
        if (text.equals("?")) {
            return field == Field.DAY_OF_MONTH || field == Field.DAY_OF_WEEK
                    ? Optional.empty()
                    : Optional.of("'?' is only allowed in day-of-month and day-of-week");
        }
        for (String item : text.split(",", -1)) {
            Optional<String> problem = itemProblem(field, item);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> itemProblem(Field field, String item) {
        if (item.isEmpty()) {
            return Optional.of("has an empty list element");
        }
        Optional<String> special = specialProblem(field, item);
        if (special != null) {
            return special;
        }
        Matcher step = STEP.matcher(item);
        String base = item;
        if (step.matches()) {
            base = step.group(1);
            int increment = Integer.parseInt(step.group(2));
            if (increment < 1 || increment > field.max) {
                return Optional.of("the increment " + increment + " must be between 1 and " + field.max);
            }
        }
        if (base.equals("*")) {
            return Optional.empty();
        }
        Matcher range = RANGE.matcher(base);
        if (range.matches()) {
            Optional<String> from = valueProblem(field, range.group(1));
            return from.isPresent() ? from : valueProblem(field, range.group(2));
        }
        return valueProblem(field, base);
    }

    /** Problems of the day-of-month and day-of-week specials (L, W, #); {@code null} when not a special. */
    private static Optional<String> specialProblem(Field field, String item) {
        if (field == Field.DAY_OF_MONTH) {
            if (item.equals("L") || item.equals("LW")) {
                return Optional.empty();
            }
            if (item.matches("L-\\d+")) {
                int offset = Integer.parseInt(item.substring(2));
                return offset <= 30 ? Optional.empty() : Optional.of("the offset from the last day must be 0-30");
            }
            if (item.matches("\\d+W")) {
                return valueProblem(field, item.substring(0, item.length() - 1));
            }
        }
        if (field == Field.DAY_OF_WEEK) {
            if (item.equals("L")) {
                return Optional.empty();
            }
            if (item.matches("[0-9A-Z]+L")) {
                return valueProblem(field, item.substring(0, item.length() - 1));
            }
            if (item.matches("[0-9A-Z]+#\\d+")) {
                String[] parts = item.split("#");
                int nth = Integer.parseInt(parts[1]);
                if (nth < 1 || nth > 5) {
                    return Optional.of("the occurrence after '#' must be 1-5");
                }
                return valueProblem(field, parts[0]);
            }
        }
        return null;
    }

    private static Optional<String> valueProblem(Field field, String value) {
        int index = field.names.indexOf(value);
        if (index >= 0) {
            return Optional.empty();
        }
        if (!value.matches("\\d{1,4}")) {
            return Optional.of("'" + value + "' is not a value of " + field.allowed());
        }
        int number = Integer.parseInt(value);
        if (number < field.min || number > field.max) {
            return Optional.of(number + " is out of range " + field.allowed());
        }
        return Optional.empty();
    }
}
