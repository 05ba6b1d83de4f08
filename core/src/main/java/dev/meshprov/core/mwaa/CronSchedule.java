package dev.meshprov.core.mwaa;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code scheduleCron}: a standard five-field cron expression (minute, hour, day of month, month, day of
 * week; {@code *}, values, ranges, steps and lists; month and weekday names) or one of Airflow's presets.
 */
final class CronSchedule {

    /** The presets Airflow (croniter) accepts as a schedule. */
    static final Set<String> PRESETS = Set.of(
            "@once",
            "@continuous",
            "@hourly",
            "@daily",
            "@midnight",
            "@weekly",
            "@monthly",
            "@quarterly",
            "@yearly",
            "@annually");

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field(
                    "month",
                    1,
                    12,
                    List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
            new Field("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    private CronSchedule() {}

    /** Why {@code expression} is not a schedule Airflow accepts; empty when it is one. */
    static Optional<String> problem(String expression) {
        String trimmed = expression.trim();
        if (trimmed.startsWith("@")) {
            return PRESETS.contains(trimmed.toLowerCase(Locale.ROOT))
                    ? Optional.empty()
                    : Optional.of("is '" + expression + "', which is not an Airflow preset (" + presetList() + ")");
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length != FIELDS.size()) {
            return Optional.of("is '" + expression + "', which has " + parts.length
                    + " fields; a cron expression has 5 (minute hour day-of-month month day-of-week)");
        }
        for (int i = 0; i < parts.length; i++) {
            Optional<String> problem = FIELDS.get(i).problem(parts[i]);
            if (problem.isPresent()) {
                return Optional.of("is '" + expression + "', whose " + FIELDS.get(i).name + " field '" + parts[i] + "' "
                        + problem.get());
            }
        }
        return Optional.empty();
    }

    private static String presetList() {
        return String.join(", ", new java.util.TreeSet<>(PRESETS));
    }

    private record Field(String name, int min, int max, List<String> names) {

        Optional<String> problem(String text) {
            for (String element : text.split(",", -1)) {
                Optional<String> problem = elementProblem(element);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }

        private Optional<String> elementProblem(String element) {
            String range = element;
            int slash = element.indexOf('/');
            if (slash >= 0) {
                range = element.substring(0, slash);
                String step = element.substring(slash + 1);
                if (!step.matches("\\d{1,4}") || Integer.parseInt(step) == 0) {
                    return Optional.of("has the step '" + step + "', which is not a whole number above 0");
                }
            }
            if (range.equals("*")) {
                return Optional.empty();
            }
            String[] bounds = range.split("-", -1);
            if (bounds.length > 2) {
                return Optional.of("has the range '" + range + "', which is not of the form a-b");
            }
            int low = -1;
            for (String bound : bounds) {
                Optional<Integer> value = value(bound);
                if (value.isEmpty()) {
                    return Optional.of("has '" + bound + "', which is not a value from " + min + " to " + max
                            + (names.isEmpty() ? "" : " or a name such as " + names.get(0)));
                }
                if (value.get() < low) {
                    return Optional.of("has the range '" + range + "', whose end is before its start");
                }
                low = value.get();
            }
            return Optional.empty();
        }

        private Optional<Integer> value(String text) {
            if (text.matches("\\d{1,2}")) {
                int value = Integer.parseInt(text);
                return value >= min && value <= max ? Optional.of(value) : Optional.empty();
            }
            int index = names.indexOf(text.toUpperCase(Locale.ROOT));
            return index < 0 ? Optional.empty() : Optional.of(index + min);
        }
    }
}
