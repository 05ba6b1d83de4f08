package dev.meshprov.core.cron;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.definition.FieldDayOfWeekDefinitionBuilder;
import com.cronutils.model.field.definition.FieldSpecialCharsDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A cron syntax, as cron-utils defines it: its fields, their ranges and special characters, and the presets it takes
 * instead of an expression.
 */
public enum CronDialect {

    /**
     * Quartz, as Airbyte schedules connections: seconds first, an optional year, {@code ?} in exactly one of
     * day-of-month and day-of-week, {@code L}, {@code W} and {@code #}; day-of-week 1-7 with Sunday = 1. This is
     * cron-utils' own Quartz definition, the one Airbyte's public API parses with.
     */
    QUARTZ(
            "Quartz",
            () -> CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ),
            List.of("seconds", "minutes", "hours", "day-of-month", "month", "day-of-week", "year"),
            "seconds minutes hours day-of-month month day-of-week [year]",
            "0 0 6 * * ?",
            "* ? / , - # L W",
            Set.of()),

    /**
     * The POSIX crontab, as CDE schedules jobs: minute hour day-of-month month day-of-week, day-of-week 0-6 with
     * Sunday = 0, names for months and days; no {@code ?}, {@code L}, {@code W} or {@code #}.
     */
    POSIX(
            "POSIX",
            () -> fiveFields(false),
            List.of("minute", "hour", "day-of-month", "month", "day-of-week"),
            "minute hour day-of-month month day-of-week",
            "0 6 * * *",
            "* / , -",
            Set.of()),

    /**
     * Airflow's schedules: the five Unix fields as croniter reads them (day-of-week 0-7, 0 and 7 both Sunday), with
     * croniter's {@code L} (last day of the month) and {@code #} (the nth weekday, e.g. {@code MON#1}) that Airflow's
     * documentation shows, or one of Airflow's presets.
     */
    AIRFLOW(
            "Airflow",
            () -> fiveFields(true),
            List.of("minute", "hour", "day-of-month", "month", "day-of-week"),
            "minute hour day-of-month month day-of-week",
            "0 6 * * *",
            "* / , - # L",
            Set.of(
                    "none",
                    "@once",
                    "@continuous",
                    "@hourly",
                    "@daily",
                    "@midnight",
                    "@weekly",
                    "@monthly",
                    "@quarterly",
                    "@yearly",
                    "@annually"));

    private final String title;
    private final Supplier<CronDefinition> build;
    private volatile Built built;
    private final List<String> labels;
    private final String shape;
    private final String example;
    private final String specials;
    private final Set<String> presets;

    CronDialect(
            String title,
            Supplier<CronDefinition> build,
            List<String> labels,
            String shape,
            String example,
            String specials,
            Set<String> presets) {
        this.title = title;
        this.build = build;
        this.labels = labels;
        this.shape = shape;
        this.example = example;
        this.specials = specials;
        this.presets = presets;
    }

    /** The dialect's name for people: {@code Quartz}, {@code POSIX}, {@code Airflow}. */
    public String title() {
        return title;
    }

    /** The fields in order, as messages name them ({@code seconds}, {@code day-of-week}...). */
    public List<String> labels() {
        return labels;
    }

    /** The fields in order, space separated, optional ones in brackets. */
    public String shape() {
        return shape;
    }

    /** A valid expression: 06:00 every day. */
    public String example() {
        return example;
    }

    /** The characters besides digits and names that its fields take, space separated. */
    public String specials() {
        return specials;
    }

    /**
     * The presets taken instead of an expression, lower case ({@code @daily}, {@code none}); empty when the dialect
     * has none.
     */
    public Set<String> presets() {
        return presets;
    }

    CronDefinition definition() {
        return built().definition();
    }

    CronParser parser() {
        return built().parser();
    }

    /** The definition and its parser, built on first use: a dialect no technology reads costs nothing. */
    private Built built() {
        Built current = built;
        if (current == null) {
            synchronized (this) {
                current = built;
                if (current == null) {
                    CronDefinition definition = build.get();
                    current = new Built(definition, new CronParser(definition));
                    built = current;
                }
            }
        }
        return current;
    }

    private record Built(CronDefinition definition, CronParser parser) {}

    /** Whether exactly one of day-of-month and day-of-week must be {@code ?} (Quartz). */
    boolean needsQuestionMark() {
        return this == QUARTZ;
    }

    /**
     * Five fields with strict ranges and names: the POSIX crontab (day-of-week 0-6), or with croniter's extensions
     * (day-of-week 0-7 with 7 read as 0, {@code L} in day-of-month, {@code #} in day-of-week).
     */
    private static CronDefinition fiveFields(boolean croniter) {
        FieldSpecialCharsDefinitionBuilder dayOfMonth = CronDefinitionBuilder.defineCron()
                .withMinutes()
                .withStrictRange()
                .and()
                .withHours()
                .withStrictRange()
                .and()
                .withDayOfMonth();
        if (croniter) {
            dayOfMonth.supportsL();
        }
        FieldDayOfWeekDefinitionBuilder dayOfWeek = dayOfMonth
                .withStrictRange()
                .and()
                .withMonth()
                .withStrictRange()
                .and()
                .withDayOfWeek()
                .withValidRange(0, croniter ? 7 : 6)
                .withMondayDoWValue(1);
        if (croniter) {
            dayOfWeek.withIntMapping(7, 0).supportsHash();
        }
        return dayOfWeek.withStrictRange().and().instance();
    }

    /** How many fields an expression has at least (the optional ones left out). */
    int requiredFields() {
        return (int) definition().getFieldDefinitions().stream()
                .filter(field -> !field.isOptional())
                .count();
    }
}
