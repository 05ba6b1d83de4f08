package dev.meshprov.core.airbyte;

import dev.meshprov.core.cron.ParsedCron;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of {@code specific.connection.schedule}, as Airbyte's public API makes them (docs/adr/0008): a Quartz
 * cron expression that cron-utils parses, in UTC only (a {@code timeZone} or a suffix other than {@code UTC} is a
 * problem whose fix is the same times in UTC), and no more frequent than Airbyte's hourly test allows. The schedule
 * sent is the expression with the suffix {@code UTC}, as Airbyte answers it back.
 */
final class ScheduleRules {

    private static final String QUARTZ_FIX = "Write a Quartz cron expression: seconds minutes hours day-of-month"
            + " month day-of-week [year], with '?' in day-of-month or day-of-week, e.g. \"0 0 6 * * ?\" for 06:00"
            + " UTC daily.";
    private static final String FREQUENCY_FIX = "Write a single number in the seconds field (and in the minutes field"
            + " when there is a year field), e.g. \"0 0 * * * ?\" for every hour or \"0 0 6 * * ?\" for 06:00 daily.";

    private ScheduleRules() {}

    /** The schedule; problems for every invalid field, and then a manual schedule. */
    static Schedule read(FieldReader connection, ProblemList problems, Clock clock) {
        FieldReader schedule = problems.take(
                        connection.optionalObject(
                                "schedule",
                                "Write schedule as {type: cron, cronExpression: \"0 0 6 * * ?\", timeZone: UTC}, or"
                                        + " remove it for a manual schedule."),
                        Optional.empty())
                .orElse(null);
        if (schedule == null) {
            return Schedule.manual();
        }
        ConnectorSectionReader.unknownKeys(
                schedule,
                Set.of("type", "cronExpression", "timeZone"),
                "Remove it; a schedule has type, cronExpression and timeZone.",
                problems);
        String type = ConnectionRules.oneOf(schedule, "type", List.of(Schedule.MANUAL, Schedule.CRON), problems)
                .orElse(schedule.has("type") ? null : Schedule.MANUAL);
        Optional<String> expression = problems.take(
                schedule.optionalText(
                        "cronExpression", "Set cronExpression to a Quartz cron expression, e.g. \"0 0 6 * * ?\"."),
                Optional.empty());
        Optional<String> zone = problems.take(
                schedule.optionalText("timeZone", "Set timeZone to UTC, or remove it."), Optional.empty());
        if (Schedule.MANUAL.equals(type)) {
            expression.ifPresent(e -> problems.add(schedule.problem(
                    "cronExpression",
                    "is only used when schedule.type is cron, but the type is manual",
                    "Set schedule.type to cron, or remove cronExpression.")));
            return Schedule.manual();
        }
        if (!Schedule.CRON.equals(type)) {
            return Schedule.manual();
        }
        if (expression.isEmpty()) {
            problems.add(schedule.problem(
                    "cronExpression",
                    "is required when schedule.type is cron",
                    "Set cronExpression to a Quartz cron expression (seconds first), e.g. \"0 0 6 * * ?\"."));
            return Schedule.manual();
        }
        int before = problems.asList().size();
        Either<String, ScheduleCron.Parsed> parsed = ScheduleCron.read(expression.get());
        Optional<ParsedCron> quartz = parsed.toJavaOptional().map(ScheduleCron.Parsed::quartz);
        zone.ifPresent(z -> timeZone(schedule, z, quartz, problems, clock));
        if (parsed.isLeft()) {
            problems.add(
                    schedule.problem("cronExpression", "'" + expression.get() + "' " + parsed.getLeft(), QUARTZ_FIX));
        } else {
            suffix(schedule, expression.get(), parsed.get(), problems, clock);
            ScheduleCron.frequencyProblem(parsed.get())
                    .ifPresent(problem -> problems.add(schedule.problem(
                            "cronExpression", "'" + expression.get() + "' " + problem, FREQUENCY_FIX)));
        }
        return problems.asList().size() > before
                ? Schedule.manual()
                : Schedule.cron(parsed.get().inUtc());
    }

    private static void timeZone(
            FieldReader schedule, String zone, Optional<ParsedCron> quartz, ProblemList problems, Clock clock) {
        if (zone.equals(ScheduleCron.UTC)) {
            return;
        }
        if (!ScheduleCron.isZoneId(zone)) {
            problems.add(schedule.problem(
                    "timeZone",
                    "is '" + zone + "', which is not a time-zone id; Airbyte schedules run in UTC",
                    "Set timeZone to UTC, or remove it."));
            return;
        }
        ScheduleZoneHint hint = ScheduleZoneHint.toUtc(quartz, ZoneId.of(zone), clock.instant());
        problems.add(schedule.problem("timeZone", "is '" + zone + "', but " + hint.message(), hint.fix()));
    }

    private static void suffix(
            FieldReader schedule, String expression, ScheduleCron.Parsed parsed, ProblemList problems, Clock clock) {
        Optional<String> suffix = parsed.timeZone().filter(z -> !z.equals(ScheduleCron.UTC));
        if (suffix.isEmpty()) {
            return;
        }
        ScheduleZoneHint hint =
                ScheduleZoneHint.toUtc(Optional.of(parsed.quartz()), ZoneId.of(suffix.get()), clock.instant());
        problems.add(schedule.problem(
                "cronExpression",
                "'" + expression + "' ends with the time zone '" + suffix.get() + "', but " + hint.message(),
                hint.fix()));
    }
}
