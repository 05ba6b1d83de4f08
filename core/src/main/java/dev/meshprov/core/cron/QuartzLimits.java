package dev.meshprov.core.cron;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Quartz's own {@code CronExpression} refuses though cron-utils' Quartz definition takes it. Airbyte parses a
 * schedule with both (cron-utils in its public API, Quartz when it stores the schedule), so an expression either
 * refuses is refused. Each check is one that Quartz 2.3.2 makes with the message reworded here.
 */
final class QuartzLimits {

    private static final int DAY_OF_MONTH = 3;
    private static final int DAY_OF_WEEK = 5;

    private QuartzLimits() {}

    static Optional<String> problem(List<String> fields) {
        Optional<String> dayOfMonth = dayOfMonth(fields.get(DAY_OF_MONTH).toUpperCase(Locale.ROOT));
        if (dayOfMonth.isPresent()) {
            return Optional.of(invalid(DAY_OF_MONTH, fields, dayOfMonth.get()));
        }
        return dayOfWeek(fields.get(DAY_OF_WEEK).toUpperCase(Locale.ROOT))
                .map(reason -> invalid(DAY_OF_WEEK, fields, reason));
    }

    private static Optional<String> dayOfMonth(String field) {
        String[] items = field.split(",");
        for (String item : items) {
            if (item.startsWith("L") && items.length > 1) {
                return Optional.of("Quartz does not combine 'L' or 'LW' with other days in a list");
            }
            if (item.matches("L-\\d+") && Integer.parseInt(item.substring(2)) > 30) {
                return Optional.of("the offset from the last day must be 0-30");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> dayOfWeek(String field) {
        String[] items = field.split(",");
        int nth = 0;
        for (String item : items) {
            if (item.endsWith("L") && items.length > 1) {
                return Optional.of("Quartz does not combine 'L' with other days in a list");
            }
            int hash = item.indexOf('#');
            if (hash >= 0) {
                nth++;
                String occurrence = item.substring(hash + 1);
                if (!occurrence.matches("[1-5]")) {
                    return Optional.of("the occurrence after '#' must be 1-5");
                }
            }
        }
        return nth > 1 ? Optional.of("Quartz takes only one 'nth' day ('#') in a list") : Optional.empty();
    }

    private static String invalid(int index, List<String> fields, String reason) {
        return FieldDiagnosis.invalidField(CronDialect.QUARTZ, index, fields.get(index), reason);
    }
}
