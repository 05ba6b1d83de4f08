package dev.meshprov.core.cde;

import dev.meshprov.core.cron.CronDialect;
import dev.meshprov.core.cron.CronReader;
import java.util.Optional;

/**
 * Checks a job's {@code cronExpression} in the {@link CronDialect#POSIX POSIX crontab dialect} of the project's one
 * cron reading, as CDE schedules jobs: minute, hour, day of month, month, day of week (Sunday = 0), with names for
 * months and days.
 */
final class CronRule {

    private CronRule() {}

    /** What is wrong with {@code expression}; empty when it is a valid five-field expression. */
    static Optional<String> violation(String expression) {
        return CronReader.read(CronDialect.POSIX, expression).swap().toJavaOptional();
    }
}
