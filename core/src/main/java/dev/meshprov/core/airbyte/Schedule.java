package dev.meshprov.core.airbyte;

import java.util.Objects;
import java.util.Optional;

/**
 * When a connection syncs.
 *
 * @param type {@code manual}, {@code cron}, or {@code basic} (a fixed interval set in the Airbyte UI; only observed)
 * @param cronExpression for {@code cron}, the Quartz cron expression with its time-zone suffix as Airbyte answers it
 *     (e.g. {@code 0 0 6 * * ? UTC}); meshprov sends UTC only (docs/adr/0008), an observed one may carry another
 *     zone set in Airbyte's UI
 */
public record Schedule(String type, Optional<String> cronExpression) {

    public static final String MANUAL = "manual";
    public static final String CRON = "cron";

    public Schedule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cronExpression, "cronExpression");
        cronExpression = cronExpression.map(Schedule::normalise);
    }

    public static Schedule manual() {
        return new Schedule(MANUAL, Optional.empty());
    }

    public static Schedule cron(String expression) {
        return new Schedule(CRON, Optional.of(expression));
    }

    /** One line for people: {@code manual} or {@code cron 0 0 6 * * ? UTC}. */
    public String describe() {
        return cronExpression.map(expression -> type + " " + expression).orElse(type);
    }

    private static String normalise(String expression) {
        return expression.trim().replaceAll("\\s+", " ");
    }
}
