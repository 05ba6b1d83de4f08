package dev.meshprov.core.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Quartz cron syntax Airbyte reads, and precise messages for what it does not. Reading takes any time-zone suffix
 * (Airbyte's UI may set one); the UTC-only and frequency limits on what is sent are tested below and in {@link
 * ScheduleRulesTest}.
 */
class ScheduleCronTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 0 6 * * ?|0 0 6 * * ?|",
                "0 0 6 * * ? UTC|0 0 6 * * ?|UTC",
                "0 0 6 * * ?UTC|0 0 6 * * ?|UTC",
                "0 0/15 8-18 ? * MON-FRI|0 0/15 8-18 ? * MON-FRI|",
                "0 0 12 ? * mon,wed,fri Europe/Rome|0 0 12 ? * mon,wed,fri|Europe/Rome",
                "0 30 2 L * ?|0 30 2 L * ?|",
                "0 0 1 15W * ?|0 0 1 15W * ?|",
                "0 0 1 ? * 6#3|0 0 1 ? * 6#3|",
                "0 0 1 ? JAN-MAR 2L|0 0 1 ? JAN-MAR 2L|",
                "0 0 6 * * ? 2026|0 0 6 * * ? 2026|",
                "0 0 6 * * ? 2026-2030 America/New_York|0 0 6 * * ? 2026-2030|America/New_York",
                "'  0   0  6 * * ?  '|0 0 6 * * ?|",
                "*/10 * * * * ?|*/10 * * * * ?|",
            })
    void accepts(String expression, String fields, String zone) {
        ScheduleCron.Parsed parsed = ScheduleCron.read(expression).get();

        assertThat(parsed.fields()).isEqualTo(fields);
        assertThat(parsed.timeZone()).isEqualTo(Optional.ofNullable(zone));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 6 * * *|has 5 fields like a Unix cron|e.g. '0 0 6 * * ?'",
                "0 6 * * 1|has 5 fields like a Unix cron|e.g. '0 0 6 ? * 1'",
                "0 0 6 * * ? * 1|has 8 fields|6 or 7",
                "60 0 6 * * ?|invalid seconds field (1st, '60')|out of range 0-59",
                "0 61 6 * * ?|invalid minutes field (2nd, '61')|out of range 0-59",
                "0 0 6 32 * ?|invalid day-of-month field (4th, '32')|out of range 1-31",
                "0 0 6 ? 13 *|invalid month field (5th, '13')|1-12 or JAN-DEC",
                "0 0 6 ? * FUNDAY|invalid day-of-week field (6th, 'FUNDAY')|not a value of 1-7 or SUN-SAT",
                "0 0 6 ? * 8|invalid day-of-week field (6th, '8')|out of range 1-7",
                "0 0 6 * * ? 1900|invalid year field (7th, '1900')|out of range 1970-2099",
                "0 0/0 6 * * ?|invalid minutes field (2nd, '0/0')|the step in '0/0' must be between 1 and 59",
                "0 0 6 ? * 2#6|invalid day-of-week field|the occurrence after '#' must be 1-5",
                "0 0 ? * * ?|invalid hours field (3rd, '?')|'?' is only allowed in day-of-month and day-of-week",
                "0 0 6 ? * ?|has '?' in both|exactly one of them must be '?'",
                "0 0 6 * * *|sets both day-of-month ('*') and day-of-week ('*')|Quartz needs '?'",
                "0 0 6 * * ? Mars/Base|ends with 'Mars/Base', which is not a time-zone id|end it with UTC or nothing",
                "0 0 6 * * UTC|has 5 fields like a Unix cron|e.g.",
                "0 0 6,,7 * * ?|invalid hours field|empty list element",
            })
    void rejectsWithAPreciseMessage(String expression, String first, String second) {
        String message = ScheduleCron.read(expression).getLeft();

        assertThat(message).contains(first).contains(second);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 0 6 * * ?|",
                "00 0 6 * * ?|",
                "0 0 * * * ?|",
                "0 * 6 * * ?|",
                "0 */15 * * * ?|",
                "0 0 6 * * ? 2026|",
                "0 0 6 * * ? *|",
                "*/10 * * * * ?|has '*/10' in the seconds field, so it runs every 10 seconds; Airbyte takes a single",
                "* 0 6 * * ?|has '*' in the seconds field",
                "0-5 0 6 * * ?|has '0-5' in the seconds field",
                "0,30 0 6 * * ?|has '0,30' in the seconds field",
                "0 * 6 * * ? 2026|has '*' in the minutes field and a year field",
                "0 0/15 6 * * ? *|has '0/15' in the minutes field and a year field",
            })
    void airbyteWantsANumberInTheSecondsAndWithAYearInTheMinutes(String expression, String problem) {
        Optional<String> found =
                ScheduleCron.frequencyProblem(ScheduleCron.read(expression).get());

        if (problem == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).hasValueSatisfying(text -> assertThat(text).startsWith(problem));
        }
    }
}
