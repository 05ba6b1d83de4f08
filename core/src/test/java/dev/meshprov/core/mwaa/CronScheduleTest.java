package dev.meshprov.core.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5 5 * * *",
                "0 6 * * *",
                "*/15 * * * *",
                "0 0-23/2 1,15 * MON-FRI",
                "30 6 * JAN,jul 0",
                "0 0 * * 7",
                "  0 6 * * *  ",
                "@daily",
                "@once",
                "@continuous",
                "@Hourly"
            })
    void acceptsCronExpressionsAndPresets(String expression) {
        assertThat(CronSchedule.problem(expression)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            61 * * * *        | invalid minute field (1st, '61'): 61 is out of range 0-59
            0 24 * * *        | invalid hour field (2nd, '24')
            0 0 0 * *         | invalid day-of-month field (3rd, '0')
            0 0 * 13 *        | invalid month field (4th, '13')
            0 0 * * 8         | invalid day-of-week field (5th, '8')
            0 0 * * MON-FOO   | 'FOO'
            */0 * * * *       | step in '*/0' must be between 1 and 59
            5-1 * * * *       | the range ends before it starts
            0 6 * *           | has 4 fields
            0 6 * * * 2026    | has 6 fields
            @sometimes        | not an Airflow preset
            every day         | has 2 fields
            """)
    void rejectsWhatAirflowWouldNotSchedule(String expression, String reason) {
        assertThat(CronSchedule.problem(expression))
                .hasValueSatisfying(r -> assertThat(r).contains(reason));
    }
}
