package dev.meshprov.core.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.secret.Redactor;
import java.text.ParseException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.CronExpression;

/**
 * meshprov's schedule validation against Airbyte's own chain, run with the libraries Airbyte runs it with
 * (cron-utils 9.2.1 and Quartz 2.3.2): for every expression, valid at validation exactly when Airbyte's server
 * would take it on a connection create. The chain is transcribed from airbyte-platform at
 * 310e6cb6ac0e7bd310fe99bfd505d5c36ba71f2e (docs/adr/0008).
 */
class AirbyteScheduleOracleTest {

    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final AirbyteTechnology technology = new AirbyteTechnology(
            AirbyteTestData.settings(), new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE), new Redactor());

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "0 0 6 * * ?",
                "0 0 6 * * ? UTC",
                "0 0 6 * * ?UTC",
                "00 0 6 * * ?",
                "+5 0 6 * * ?",
                "0 0 +6 * * ?",
                "0 0 6 * * ? +2026",
                "0 0 \u0666 * * ?",
                "0 0 6 * * ? 2026",
                "0 0 6 * * ? *",
                "0 0 * * * ?",
                "0 * * * * ?",
                "0 */15 8-18 ? * MON-FRI",
                "0 * 6 * * ? 2026",
                "0 0/15 6 * * ? *",
                "*/10 * * * * ?",
                "* * * * * ?",
                "0-0 0 6 * * ?",
                "0,30 0 6 * * ?",
                "0 0 6 * * ? Europe/Rome",
                "0 0 6 * * ? 2026 America/New_York",
                "0 0 6 * * *",
                "0 0 6 ? * ?",
                "0 0 6 * *",
                "0 0 25 * * ?",
                "0 0 6 ? * 2#6",
                "0 0 6 ? * 2#1,3#1",
                "0 0 6 ? * MON#2",
                "0 0 6 L-31 * ?",
                "0 0 6 L-30 * ?",
                "0 0 6 1,L * ?",
                "0 0 6 ? * 1L,2",
                "0 0 6 ? * 6L",
                "0 0 6 15W * ?",
                "0 0 6 1-5W * ?",
                "0 0 6 LW * ?",
                "0 0 22-2 * * ?",
                "0 0 6 ? JAN-MAR SAT-SUN",
                "0 0 6 * * ? 2100",
                "0 0 6 * * ? 1969",
                "0 0 6,,7 * * ?",
            })
    void validAtValidationExactlyWhenAirbyteTakesIt(String expression) {
        boolean meshprov = technology
                .validate(
                        AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE)
                                .set(
                                        "specific.connection.schedule",
                                        "{type: cron, cronExpression: '" + expression + "'}")
                                .request(),
                        Operation.PROVISION)
                .isValid();

        assertThat(meshprov)
                .as("meshprov takes it")
                .isEqualTo(airbyteTakes(expression).isEmpty());
    }

    /** Why Airbyte refuses {@code cronExpression} on a connection create; empty when it takes it. */
    static Optional<String> airbyteTakes(String cronExpression) {
        // AirbyteCatalogHelper.normalizeCronExpression
        String cron = cronExpression.endsWith("UTC")
                ? cronExpression.replace("UTC", "").trim()
                : cronExpression;
        // AirbyteCatalogHelper.validateCronConfiguration
        try {
            Cron parsed = QUARTZ.parse(cron);
            parsed.validate();
            String[] fields = parsed.asString().split(" ");
            Integer.valueOf(fields[0]);
            if (fields.length == 7) {
                Integer.valueOf(fields[1]);
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return Optional.of("public API: " + e.getMessage());
        }
        // ConnectionScheduleHelper: CronExpressionHelper.validateCronExpression (at most once a minute), the sub-hour
        // limit (off by default: the flag platform.allow-sub-one-hour-sync-frequency defaults to true), then Quartz
        Cron parsed = QUARTZ.parse(cron);
        ExecutionTime times = ExecutionTime.forCron(parsed);
        Optional<ZonedDateTime> first = times.nextExecution(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        Optional<ZonedDateTime> second = first.flatMap(times::nextExecution);
        if (second.isPresent() && second.get().toEpochSecond() - first.get().toEpochSecond() < 60) {
            return Optional.of("more than once a minute");
        }
        try {
            new CronExpression(cron);
        } catch (ParseException e) {
            return Optional.of("Quartz: " + e.getMessage());
        }
        return Optional.empty();
    }
}
