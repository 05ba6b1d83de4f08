package dev.meshprov.airbyte;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The public API's rules for a connection schedule, as airbyte-platform's {@code AirbyteCatalogHelper} applies them
 * on create and update: a trailing {@code UTC} is removed, the rest parsed with cron-utils' Quartz definition, and
 * the first field (and the second, when the expression has seven fields) must be a plain number, so nothing runs
 * more often than hourly; the expression is stored with {@code cronTimeZone: UTC}. Each refusal is a 400.
 */
final class ScheduleJudge {

    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final int MAX_FIELDS = 7;

    private ScheduleJudge() {}

    /** The 400's message for a schedule the server refuses; empty when it takes it. */
    static Optional<String> refusal(JsonNode schedule) {
        if (!schedule.path("scheduleType").asText().equals("cron")) {
            return Optional.empty();
        }
        if (!schedule.path("cronExpression").isTextual()) {
            return Optional.of("Missing cron expression in the schedule.");
        }
        String given = schedule.get("cronExpression").asText();
        try {
            Cron cron = QUARTZ.parse(stored(given));
            cron.validate();
            String[] fields = cron.asString().split(" ");
            Integer.valueOf(fields[0]);
            if (fields.length == MAX_FIELDS) {
                Integer.valueOf(fields[1]);
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("The cron expression " + given + " is not valid or is less than the one hour minimum."
                    + " The seconds and minutes values cannot be `*`.");
        } catch (IllegalArgumentException e) {
            return Optional.of("The cron expression " + given + " is not valid. Error: " + e.getMessage());
        }
    }

    /** The expression as stored: without the {@code UTC} the public API removes. */
    static String stored(String expression) {
        return expression.endsWith("UTC") ? expression.replace("UTC", "").trim() : expression;
    }
}
