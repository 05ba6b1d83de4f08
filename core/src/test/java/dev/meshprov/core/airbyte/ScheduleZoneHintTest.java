package dev.meshprov.core.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The UTC fix for a schedule written in another time zone: the same times at the zone's offset on the given day. */
class ScheduleZoneHintTest {

    private static final Instant WINTER = Instant.parse("2026-01-15T12:00:00Z");
    private static final Instant SUMMER = Instant.parse("2026-07-15T12:00:00Z");

    @ParameterizedTest(name = "{0} in {1} at {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            0 0 6 * * ?          | Europe/Rome      | 2026-01-15T12:00:00Z | 0 0 5 * * ?          | write 06:00 Europe/Rome as '0 0 5 * * ?' (Europe/Rome is UTC+01:00 now; daylight saving time moves this
            0 0 6 * * ?          | Europe/Rome      | 2026-07-15T12:00:00Z | 0 0 4 * * ?          | (Europe/Rome is UTC+02:00 now; daylight saving time
            0 30 2 ? * MON-FRI   | America/New_York | 2026-01-15T12:00:00Z | 0 30 7 ? * MON-FRI   | write 02:30 America/New_York as '0 30 7 ? * MON-FRI' (America/New_York is UTC-05:00 now;
            0 0 6,18 * * ?       | Asia/Tokyo       | 2026-01-15T12:00:00Z | 0 0 9,21 * * ?       | write '0 0 6,18 * * ?' in Asia/Tokyo as '0 0 9,21 * * ?' (Asia/Tokyo is UTC+09:00 now)
            0 0 6 * * ?          | Asia/Kolkata     | 2026-01-15T12:00:00Z | 0 30 0 * * ?         | (Asia/Kolkata is UTC+05:30 now)
            0 15 */2 * * ?       | Asia/Tokyo       | 2026-01-15T12:00:00Z | 0 15 */2 * * ?       | convert the times of the expression from Asia/Tokyo to UTC
            0 30 8 ? * MON       | Asia/Tokyo       | 2026-01-15T12:00:00Z | 0 30 8 ? * MON       | and the day fields where a run crosses midnight
            0 30 9 ? * MON       | Asia/Tokyo       | 2026-01-15T12:00:00Z | 0 30 0 ? * MON       | write 09:30 Asia/Tokyo as '0 30 0 ? * MON'
            0 */10 6 * * ?       | Asia/Kolkata     | 2026-01-15T12:00:00Z | 0 */10 6 * * ?       | convert the times
            """)
    void theSameTimesInUtcWhereTheHoursArePlainNumbers(
            String expression, String zone, String now, String inUtc, String message) {
        ScheduleZoneHint hint = ScheduleZoneHint.toUtc(
                Optional.of(ScheduleCron.read(expression).get().quartz()), ZoneId.of(zone), Instant.parse(now));

        assertThat(hint.message()).startsWith("Airbyte schedules run in UTC: ").contains(message);
        if (!inUtc.equals(expression)) {
            assertThat(hint.fix())
                    .isEqualTo("Set cronExpression to \"" + inUtc + "\" and timeZone to UTC, or remove" + " timeZone.");
        } else {
            assertThat(hint.fix())
                    .isEqualTo("Write cronExpression in UTC and set timeZone to UTC, or remove timeZone.");
        }
    }

    @Test
    void aZoneWithoutDaylightSavingTimeSaysNothingOfIt() {
        ScheduleZoneHint hint = ScheduleZoneHint.toUtc(
                Optional.of(ScheduleCron.read("0 0 6 * * ?").get().quartz()), ZoneId.of("Asia/Tokyo"), SUMMER);

        assertThat(hint.message()).doesNotContain("daylight saving");
    }

    @Test
    void anInvalidExpressionStillGetsTheAdvice() {
        ScheduleZoneHint hint = ScheduleZoneHint.toUtc(Optional.empty(), ZoneId.of("Europe/Rome"), WINTER);

        assertThat(hint.message())
                .isEqualTo("Airbyte schedules run in UTC: convert the times of the expression from Europe/Rome to UTC,"
                        + " and the day fields where a run crosses midnight (Europe/Rome is UTC+01:00 now; daylight"
                        + " saving time moves this by an hour for part of the year)");
    }

    @Test
    void validationGivesTheHintAtTheClocksDay() {
        var request = AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .set(
                        "specific.connection.schedule",
                        "{type: cron, cronExpression: '0 0 6 * * ?', timeZone: Europe/Rome}")
                .request();

        Problem winter = problem(request, WINTER);
        Problem summer = problem(request, SUMMER);

        assertThat(winter.field()).endsWith(".specific.connection.schedule.timeZone");
        assertThat(winter.message())
                .isEqualTo("is 'Europe/Rome', but Airbyte schedules run in UTC: write 06:00 Europe/Rome as"
                        + " '0 0 5 * * ?' (Europe/Rome is UTC+01:00 now; daylight saving time moves this by an hour for"
                        + " part of the year)");
        assertThat(winter.solution())
                .isEqualTo("Set cronExpression to \"0 0 5 * * ?\" and timeZone to UTC, or remove timeZone.");
        assertThat(summer.solution())
                .isEqualTo("Set cronExpression to \"0 0 4 * * ?\" and timeZone to UTC, or remove timeZone.");
    }

    private static Problem problem(dev.meshprov.core.model.ComponentRequest request, Instant now) {
        AirbyteTechnology technology = new AirbyteTechnology(
                AirbyteTestData.settings(),
                new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE),
                new Redactor(),
                Clock.fixed(now, ZoneOffset.UTC));
        return technology.validate(request, Operation.PROVISION).getError().single();
    }
}
