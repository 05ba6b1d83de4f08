package dev.meshprov.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One table per dialect: what each accepts, and for what it refuses, the field the message names and why. The
 * messages follow the expression: {@code '0 0 25 * * ?' has an invalid hours field (3rd, '25'): ...}.
 */
class CronDialectTest {

    @ParameterizedTest(name = "{0} accepts {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            QUARTZ  | 0 0 6 * * ?
            QUARTZ  | 0 0 6 * * ? 2026
            QUARTZ  | 0 0/15 8-18 ? * MON-FRI
            QUARTZ  | 0 0 12 ? * mon,wed,fri
            QUARTZ  | 0 30 2 L * ?
            QUARTZ  | 0 30 2 L-30 * ?
            QUARTZ  | 0 0 1 15W * ?
            QUARTZ  | 0 0 1 LW * ?
            QUARTZ  | 0 0 1 ? * 6#3
            QUARTZ  | 0 0 1 ? JAN-MAR 2L
            QUARTZ  | 0 0 22-2 * * ?
            QUARTZ  | */10 * * * * ?
            POSIX   | 0 6 * * *
            POSIX   | */5 * * * *
            POSIX   | 30 6-18/2 * JAN-MAR MON-FRI
            POSIX   | 0 0 * * SUN-SAT
            POSIX   | 59 23 31 12 6
            AIRFLOW | 5 5 * * *
            AIRFLOW | 0 0 * * 7
            AIRFLOW | 0 0 * * 1-7
            AIRFLOW | 0 0 * * MON#1
            AIRFLOW | 0 0 L * *
            AIRFLOW | 0 0 1 */3 *
            AIRFLOW | @daily
            AIRFLOW | @Hourly
            AIRFLOW | @once
            AIRFLOW | @continuous
            AIRFLOW | None
            """)
    void accepts(CronDialect dialect, String expression) {
        assertThat(CronReader.read(dialect, expression).isRight())
                .as(() -> expression + ": "
                        + CronReader.read(dialect, expression).swap().getOrElse(""))
                .isTrue();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            QUARTZ  | 60 0 6 * * ?            | invalid seconds field (1st, '60'): 60 is out of range 0-59
            QUARTZ  | 0 0 25 * * ?            | invalid hours field (3rd, '25'): 25 is out of range 0-23
            QUARTZ  | 0 0 6 ? 13 *            | invalid month field (5th, '13'): 13 is out of range 1-12 or JAN-DEC
            QUARTZ  | 0 0 6 ? * FUNDAY        | invalid day-of-week field (6th, 'FUNDAY'): 'FUNDAY' is not a value of 1-7 or SUN-SAT
            QUARTZ  | 0 0 6 * * ? 1969        | invalid year field (7th, '1969'): 1969 is out of range 1970-2099
            QUARTZ  | 0 0/60 6 * * ?          | invalid minutes field (2nd, '0/60'): the step in '0/60' must be between 1 and 59
            QUARTZ  | 0 0 ? * * ?             | invalid hours field (3rd, '?'): '?' is only allowed in day-of-month and day-of-week
            QUARTZ  | 0 0 6 * * *             | sets both day-of-month ('*') and day-of-week ('*'); Quartz needs '?' in exactly one
            QUARTZ  | 0 0 6 ? * ?             | has '?' in both day-of-month and day-of-week
            QUARTZ  | 0 0 6 ? * 2#6           | invalid day-of-week field (6th, '2#6'): the occurrence after '#' must be 1-5
            QUARTZ  | 0 0 6 ? * 2#1,3#1       | invalid day-of-week field (6th, '2#1,3#1'): Quartz takes only one 'nth' day
            QUARTZ  | 0 0 6 L-31 * ?          | invalid day-of-month field (4th, 'L-31'): the offset from the last day must be 0-30
            QUARTZ  | 0 0 6 1,L * ?           | invalid day-of-month field (4th, '1,L'): Quartz does not combine 'L'
            QUARTZ  | 0 0 6 ? * 1L,2          | invalid day-of-week field (6th, '1L,2'): Quartz does not combine 'L'
            QUARTZ  | 0 0 6,,7 * * ?          | invalid hours field (3rd, '6,,7'): has an empty list element
            QUARTZ  | +5 0 6 * * ?            | invalid seconds field (1st, '+5'): a field takes only ASCII digits, names and the characters * ? / , - # L W
            QUARTZ  | 0 0 6 * *               | has 5 fields, but a Quartz cron expression has 6 or 7 (seconds minutes hours
            QUARTZ  | 0 0 6 * * ? 2026 1      | has 8 fields
            POSIX   | 60 * * * *              | invalid minute field (1st, '60'): 60 is out of range 0-59
            POSIX   | * 24 * * *              | invalid hour field (2nd, '24'): 24 is out of range 0-23
            POSIX   | * * 0 * *               | invalid day-of-month field (3rd, '0'): 0 is out of range 1-31
            POSIX   | * * * 13 *              | invalid month field (4th, '13'): 13 is out of range 1-12 or JAN-DEC
            POSIX   | * * * * 7               | invalid day-of-week field (5th, '7'): 7 is out of range 0-6 or SUN-SAT
            POSIX   | 0 6 * * FUNDAY          | invalid day-of-week field (5th, 'FUNDAY'): 'FUNDAY' is not a value of 0-6 or SUN-SAT
            POSIX   | */0 * * * *             | invalid minute field (1st, '*/0'): the step in '*/0' must be between 1 and 59
            POSIX   | 5-1 * * * *             | invalid minute field (1st, '5-1'): the range ends before it starts (5 > 1)
            POSIX   | ? * * * *               | invalid minute field (1st, '?'): '?' is not part of POSIX syntax; write *
            POSIX   | 0 0 L * *               | invalid day-of-month field (3rd, 'L')
            POSIX   | 0 0 * * MON#1           | invalid day-of-week field (5th, 'MON#1')
            POSIX   | @daily                  | has 1 field, but a POSIX cron expression has 5 (minute hour day-of-month month day-of-week)
            POSIX   | 0 6 * * * *             | has 6 fields
            POSIX   | 0 +6 * * *              | invalid hour field (2nd, '+6'): a field takes only ASCII digits, names and the characters * / , -
            AIRFLOW | 61 * * * *              | invalid minute field (1st, '61'): 61 is out of range 0-59
            AIRFLOW | 0 0 * * 8               | invalid day-of-week field (5th, '8'): 8 is out of range 0-7 or MON-SUN
            AIRFLOW | 0 0 * * SUN-SAT         | invalid day-of-week field (5th, 'SUN-SAT'): the range ends before it starts (7 > 6); SUN counts as 7 here, so write 0
            AIRFLOW | 0 0 * * MON-FOO         | invalid day-of-week field (5th, 'MON-FOO'): 'FOO' is not a value of 0-7 or MON-SUN
            AIRFLOW | 0 6 * * * 2026          | has 6 fields, but an Airflow cron expression has 5
            AIRFLOW | @sometimes              | is not an Airflow preset (@annually, @continuous, @daily
            AIRFLOW | every day               | has 2 fields
            """)
    void refusesNamingTheField(CronDialect dialect, String expression, String message) {
        assertThat(CronReader.read(dialect, expression).getLeft()).contains(message);
    }

    @Test
    void anEmptyExpressionIsNamedSo() {
        assertThat(CronReader.read(CronDialect.POSIX, "  ").getLeft()).isEqualTo("is empty");
    }

    @Test
    void airflowPresetsIncludeNoneForExternallyTriggeredDags() {
        assertThat(CronReader.read(CronDialect.AIRFLOW, "@sometimes").getLeft())
                .endsWith("@quarterly, @weekly, @yearly, None)");
        assertThat(CronReader.read(CronDialect.AIRFLOW, "none").get().preset()).contains("none");
    }

    @Test
    void aReadingKeepsTheFieldsAsWrittenAndComparesTheCanonicalForm() {
        ParsedCron names =
                CronReader.read(CronDialect.QUARTZ, " 0  0 6 ? * mon-fri ").get();
        ParsedCron numbers =
                CronReader.read(CronDialect.QUARTZ, "0 0 6 ? * 2-6").get();

        assertThat(names.text()).isEqualTo("0 0 6 ? * mon-fri");
        assertThat(names.canonicalFields()).containsExactly("0", "0", "6", "?", "*", "2-6");
        assertThat(names.sameAs(numbers)).isTrue();
        assertThat(names.sameAs(
                        CronReader.read(CronDialect.QUARTZ, "0 0 7 ? * 2-6").get()))
                .isFalse();
    }

    @Test
    void aReadingDescribesItselfInWords() {
        assertThat(CronReader.read(CronDialect.QUARTZ, "*/10 * * * * ?").get().describe())
                .isEqualTo("every 10 seconds");
        assertThat(CronReader.read(CronDialect.POSIX, "0 6 * * *").get().describe())
                .isEqualTo("at 06:00");
    }

    @Test
    void readingsAreRememberedAndLongExpressionsStillRead() {
        assertThat(CronReader.read(CronDialect.POSIX, "0 6 * * *"))
                .isSameAs(CronReader.read(CronDialect.POSIX, "0 6 * * *"));
        String longExpression = "0 6 * * " + "1,".repeat(150) + "2";

        assertThat(CronReader.read(CronDialect.POSIX, longExpression).get().fields())
                .hasSize(5);
    }

    @Test
    void everyDialectsExampleIsValidAndTheWarmUpReadsIt() {
        CronReader.warmUp();

        for (CronDialect dialect : CronDialect.values()) {
            assertThat(CronReader.read(dialect, dialect.example()).isRight()).isTrue();
        }
    }
}
