package dev.meshprov.core.cde;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When CDE runs the job.
 *
 * @param cronExpression five fields: minute, hour, day of month, month, day of week (Sunday = 0)
 * @param start the first instant the schedule is active, if limited
 * @param end the last instant the schedule is active, if limited
 */
public record JobSchedule(String cronExpression, Optional<Instant> start, Optional<Instant> end) {
    public JobSchedule {
        Objects.requireNonNull(cronExpression, "cronExpression");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** The schedule in words for people, e.g. {@code 0 6 * * * (from 2024-01-01T00:00:00Z)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(cronExpression);
        start.ifPresent(s -> text.append(", from ").append(s));
        end.ifPresent(e -> text.append(", until ").append(e));
        return text.toString();
    }
}
