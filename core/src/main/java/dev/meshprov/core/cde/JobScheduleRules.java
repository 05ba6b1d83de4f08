package dev.meshprov.core.cde;

import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The checks of {@code specific.jobConfig.schedule}: a five-field cron expression ({@link CronRule}) and optional
 * ISO-8601 {@code startDate} and {@code endDate}, the end after the start.
 */
final class JobScheduleRules {

    private static final String CRON_FIX = "Set cronExpression to five fields: minute hour day-of-month month"
            + " day-of-week (Sunday = 0), e.g. \"0 6 * * *\".";

    private JobScheduleRules() {}

    /** The schedule, when {@code jobConfig} has a valid one; empty, with problems, when it is not valid. */
    static Optional<JobSchedule> read(FieldReader config, ProblemList problems) {
        Optional<FieldReader> maybeSchedule = problems.take(
                config.optionalObject(
                        "schedule",
                        "Write schedule as a map with cronExpression and optionally startDate and endDate."),
                Optional.empty());
        if (maybeSchedule.isEmpty()) {
            return Optional.empty();
        }
        FieldReader schedule = maybeSchedule.get();
        Optional<String> cron = cronExpression(schedule, problems);
        Optional<Instant> start = instant(schedule, "startDate", problems);
        Optional<Instant> end = instant(schedule, "endDate", problems);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            problems.add(schedule.problem(
                    "endDate",
                    "is " + end.get() + ", which is not after startDate " + start.get(),
                    "Set endDate after startDate, or remove endDate."));
        }
        return cron.map(expression -> new JobSchedule(expression.strip().replaceAll("\\s+", " "), start, end));
    }

    private static Optional<String> cronExpression(FieldReader schedule, ProblemList problems) {
        String cron = problems.take(schedule.requiredText("cronExpression", CRON_FIX), null);
        if (cron == null) {
            return Optional.empty();
        }
        Optional<String> violation = CronRule.violation(cron);
        if (violation.isPresent()) {
            problems.add(schedule.problem("cronExpression", violation.get(), CRON_FIX));
            return Optional.empty();
        }
        return Optional.of(cron);
    }

    private static Optional<Instant> instant(FieldReader schedule, String field, ProblemList problems) {
        String fix = "Write " + field + " as an ISO-8601 instant, e.g. 2024-01-01T00:00:00Z.";
        Optional<String> text = problems.take(schedule.optionalText(field, fix), Optional.empty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get().strip()).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(schedule.problem(field, "is '" + text.get() + "', which is not an ISO-8601 instant", fix));
            return Optional.empty();
        }
    }
}
