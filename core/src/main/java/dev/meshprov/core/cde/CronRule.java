package dev.meshprov.core.cde;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks five-field cron expressions as CDE schedules them: minute, hour, day of month, month, day of week
 * (Sunday = 0). Each field is {@code *}, a value, a range {@code a-b}, any of these with a step {@code /n}, or a
 * comma-separated list of them; months and days of the week may be written as names ({@code JAN}, {@code MON}).
 */
final class CronRule {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, MONTHS),
            new Field("day of week", 0, 6, DAYS));

    private CronRule() {}

    /** What is wrong with {@code expression}; empty when it is a valid five-field expression. */
    static Optional<String> violation(String expression) {
        String[] parts = expression.strip().split("\\s+");
        if (parts.length != FIELDS.size()) {
            return Optional.of(
                    "must have 5 fields (minute hour day-of-month month day-of-week), but has " + parts.length);
        }
        for (int i = 0; i < parts.length; i++) {
            Optional<String> problem = FIELDS.get(i).violation(parts[i]);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private record Field(String name, int min, int max, List<String> names) {

        Optional<String> violation(String text) {
            for (String item : text.split(",", -1)) {
                if (!validItem(item)) {
                    return Optional.of("has an invalid " + name + " field '" + text + "': '" + item
                            + "' is not *, a value, a range or a step within " + min + "-" + max
                            + (names.isEmpty()
                                    ? ""
                                    : " (or " + names.get(0) + "-" + names.get(names.size() - 1) + ")"));
                }
            }
            return Optional.empty();
        }

        private boolean validItem(String item) {
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                Optional<Integer> step = number(item.substring(slash + 1));
                if (step.isEmpty() || step.get() < 1 || step.get() > max) {
                    return false;
                }
            }
            if (range.equals("*")) {
                return true;
            }
            int dash = range.indexOf('-');
            if (dash < 0) {
                return value(range).isPresent();
            }
            Optional<Integer> from = value(range.substring(0, dash));
            Optional<Integer> to = value(range.substring(dash + 1));
            return from.isPresent() && to.isPresent() && from.get() <= to.get();
        }

        private Optional<Integer> value(String text) {
            int named = names.indexOf(text.toUpperCase(Locale.ROOT));
            if (named >= 0) {
                return Optional.of(min + named);
            }
            return number(text).filter(v -> v >= min && v <= max);
        }

        private static Optional<Integer> number(String text) {
            if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(text));
        }
    }
}
