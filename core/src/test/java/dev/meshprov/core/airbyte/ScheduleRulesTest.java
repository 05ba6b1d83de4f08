package dev.meshprov.core.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Airbyte's own rules on schedules (airbyte-platform's public API, docs/adr/0008): UTC only, and a plain number in
 * the seconds field (and the minutes field with a year), each refused at validation with a problem on the schedule
 * field and its fix, rather than by Airbyte's 400 at create.
 */
class ScheduleRulesTest {

    private static final String SCHEDULE = ".specific.connection.schedule.";

    private final AirbyteTechnology technology = new AirbyteTechnology(
            AirbyteTestData.settings(), new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE), new Redactor());

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            {type: cron, cronExpression: '0 0 6 * * ?'}                          | 0 0 6 * * ? UTC
            {type: cron, cronExpression: '0 0 6 * * ?', timeZone: UTC}           | 0 0 6 * * ? UTC
            {type: cron, cronExpression: '0 0 6 * * ? UTC'}                      | 0 0 6 * * ? UTC
            {type: cron, cronExpression: '0 0 6 * * ? UTC', timeZone: UTC}       | 0 0 6 * * ? UTC
            {type: cron, cronExpression: '0  0 6 * * ?UTC'}                      | 0 0 6 * * ? UTC
            {type: cron, cronExpression: '0 0 * * * ?'}                          | 0 0 * * * ? UTC
            {type: cron, cronExpression: '0 */15 * * * ?'}                       | 0 */15 * * * ? UTC
            {type: cron, cronExpression: '0 0 6 * * ? 2026'}                     | 0 0 6 * * ? 2026 UTC
            {type: cron, cronExpression: '0 30 2 ? * MON-FRI'}                   | 0 30 2 ? * MON-FRI UTC
            """)
    void utcSchedulesAtMostAsFrequentAsAirbyteAllowsAreValid(String schedule, String sent) {
        Schedule read = DescriptorReadingTest.valid(technology.validate(request(schedule), Operation.PROVISION))
                .pipeline()
                .orElseThrow()
                .connection()
                .schedule();

        assertThat(read).isEqualTo(Schedule.cron(sent));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            {type: cron, cronExpression: '0 0 6 * * ?', timeZone: Europe/Rome}         | timeZone       | is 'Europe/Rome', but Airbyte schedules run in UTC: write 06:00 Europe/Rome as '0 0 | and timeZone to UTC
            {type: cron, cronExpression: '0 0 6 * * ?', timeZone: GMT}                 | timeZone       | is 'GMT', but Airbyte schedules run in UTC: write 06:00 GMT as '0 0 6 * * ?' (GMT is UTC now)    | Set cronExpression to "0 0 6 * * ?" and timeZone to UTC
            {type: cron, cronExpression: '0 0 6 * * ?', timeZone: Mars/Olympus}        | timeZone       | is 'Mars/Olympus', which is not a time-zone id; Airbyte schedules run in UTC                        | Set timeZone to UTC
            {type: cron, cronExpression: '0 30 2 ? * MON-FRI America/New_York'}        | cronExpression | '0 30 2 ? * MON-FRI America/New_York' ends with the time zone 'America/New_York', but Airbyte schedules run in UTC: write 02:30 America/New_York as '0 30 | and timeZone to UTC
            {type: cron, cronExpression: '0 0 6 * * ? 2026 Europe/Rome'}               | cronExpression | ends with the time zone 'Europe/Rome', but Airbyte schedules run in UTC                              | timeZone to UTC
            {type: cron, cronExpression: '*/10 * * * * ?'}                             | cronExpression | '*/10 * * * * ?' has '*/10' in the seconds field, so it runs every 10 seconds; Airbyte takes a single number there | Write a single number in the seconds field
            {type: cron, cronExpression: '* 0 6 * * ?'}                                | cronExpression | has '*' in the seconds field                                                                         | e.g. "0 0 * * * ?" for every hour
            {type: cron, cronExpression: '0-30 0 6 * * ?'}                             | cronExpression | has '0-30' in the seconds field                                                                      | single number
            {type: cron, cronExpression: '0,30 0 6 * * ?'}                             | cronExpression | has '0,30' in the seconds field                                                                      | single number
            {type: cron, cronExpression: '0 */15 6 * * ? 2026'}                        | cronExpression | has '*/15' in the minutes field and a year field                                                     | and in the minutes field when there is a year field
            {type: cron, cronExpression: '0 0-30 6 * * ? *'}                           | cronExpression | has '0-30' in the minutes field and a year field                                                     | single number
            """)
    void otherTimeZonesAndSchedulesMoreFrequentThanAirbyteAllowsAreProblems(
            String schedule, String field, String message, String fix) {
        Seq<Problem> problems = invalid(technology.validate(request(schedule), Operation.PROVISION));

        assertThat(problems).hasSize(1);
        assertThat(problems.head().field()).endsWith(SCHEDULE + field);
        assertThat(problems.head().message()).contains(message);
        assertThat(problems.head().solution()).contains(fix);
    }

    private static dev.meshprov.core.model.ComponentRequest request(String schedule) {
        return AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                .set("specific.connection.schedule", schedule)
                .request();
    }

    private static Seq<Problem> invalid(Validation<Seq<Problem>, AirbyteSpec> validation) {
        assertThat(validation.isInvalid())
                .as("the descriptor should be invalid")
                .isTrue();
        return validation.getError();
    }
}
