package dev.meshprov.core.mwaa;

import dev.meshprov.core.cron.CronDialect;
import dev.meshprov.core.cron.CronReader;
import java.util.Optional;

/**
 * Checks {@code scheduleCron} in the {@link CronDialect#AIRFLOW Airflow dialect} of the project's one cron reading:
 * a five-field cron expression as croniter reads it, or one of Airflow's presets ({@code @daily}, {@code None}...).
 */
final class CronSchedule {

    private CronSchedule() {}

    /** Why {@code expression} is not a schedule Airflow accepts; empty when it is one. */
    static Optional<String> problem(String expression) {
        return CronReader.read(CronDialect.AIRFLOW, expression)
                .swap()
                .map(reason -> "is '" + expression + "', which " + reason)
                .toJavaOptional();
    }
}
