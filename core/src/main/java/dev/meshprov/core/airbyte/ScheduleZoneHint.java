package dev.meshprov.core.airbyte;

import dev.meshprov.core.cron.ParsedCron;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fix for a schedule written in another time zone: the same times in UTC, at the zone's current offset, where
 * the hours (and, for zones with half hours, the minutes) are plain numbers and the run stays on the same day; else
 * the advice to convert by hand. Daylight saving time is named where the zone has it.
 *
 * @param message the phrase after "but": {@code Airbyte schedules run in UTC: write 06:00 Europe/Rome as ...}
 * @param fix what to write instead
 */
record ScheduleZoneHint(String message, String fix) {

    private static final int SECONDS = 0;
    private static final int MINUTES = 1;
    private static final int HOURS = 2;
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final Set<String> ANY_DAY = Set.of("*", "?");

    /** The hint for {@code quartz} (when it is a valid expression) written in {@code zone}, at {@code now}. */
    static ScheduleZoneHint toUtc(Optional<ParsedCron> quartz, ZoneId zone, Instant now) {
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(now);
        String offsetText = offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        String dst = !rules.isFixedOffset() && rules.nextTransition(now) != null
                ? "; daylight saving time moves this by an hour for part of the year"
                : "";
        String where = " (" + zone.getId() + " is " + offsetText + " now" + dst + ")";
        Optional<String> converted = quartz.flatMap(q -> inUtc(q.fields(), offset));
        if (converted.isPresent()) {
            return new ScheduleZoneHint(
                    "Airbyte schedules run in UTC: write " + local(quartz.get(), zone) + " as '" + converted.get() + "'"
                            + where,
                    "Set cronExpression to \"" + converted.get() + "\" and timeZone to UTC, or remove timeZone.");
        }
        return new ScheduleZoneHint(
                "Airbyte schedules run in UTC: convert the times of the expression from " + zone.getId()
                        + " to UTC, and the day fields where a run crosses midnight" + where,
                "Write cronExpression in UTC and set timeZone to UTC, or remove timeZone.");
    }

    private static String local(ParsedCron quartz, ZoneId zone) {
        List<String> fields = quartz.fields();
        if (fields.get(HOURS).matches("\\d+") && fields.get(MINUTES).matches("\\d+")) {
            return String.format(
                            "%02d:%02d", Integer.parseInt(fields.get(HOURS)), Integer.parseInt(fields.get(MINUTES)))
                    + " " + zone.getId();
        }
        return "'" + quartz.text() + "' in " + zone.getId();
    }

    /** The fields moved to UTC, when the hours are plain numbers and no restricted day changes. */
    private static Optional<String> inUtc(List<String> fields, ZoneOffset offset) {
        if (offset.getTotalSeconds() % 60 != 0 || !fields.get(HOURS).matches("\\d+(,\\d+)*")) {
            return Optional.empty();
        }
        int offsetMinutes = offset.getTotalSeconds() / 60;
        boolean wholeHours = offsetMinutes % 60 == 0;
        if (!wholeHours && !fields.get(MINUTES).matches("\\d+")) {
            return Optional.empty();
        }
        int minute = wholeHours ? 0 : Integer.parseInt(fields.get(MINUTES));
        TreeSet<Integer> hours = new TreeSet<>();
        int newMinute = minute;
        boolean dayChanges = false;
        for (String hour : fields.get(HOURS).split(",")) {
            int utc = Integer.parseInt(hour) * 60 + minute - offsetMinutes;
            dayChanges |= Math.floorDiv(utc, MINUTES_PER_DAY) != 0;
            int inDay = Math.floorMod(utc, MINUTES_PER_DAY);
            hours.add(inDay / 60);
            newMinute = inDay % 60;
        }
        if (dayChanges && restrictsDays(fields)) {
            return Optional.empty();
        }
        List<String> moved = new ArrayList<>(fields);
        moved.set(HOURS, String.join(",", hours.stream().map(String::valueOf).toList()));
        if (!wholeHours) {
            moved.set(MINUTES, String.valueOf(newMinute));
        }
        return Optional.of(String.join(" ", moved.subList(SECONDS, moved.size())));
    }

    private static boolean restrictsDays(List<String> fields) {
        boolean year = fields.size() > 6 && !fields.get(6).equals("*");
        return !ANY_DAY.contains(fields.get(3))
                || !fields.get(4).equals("*")
                || !ANY_DAY.contains(fields.get(5))
                || year;
    }
}
