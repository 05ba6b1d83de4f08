package dev.meshprov.core.cron;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid cron expression of a {@link CronDialect}, or one of its presets: the fields as written and cron-utils'
 * canonical form (names as numbers, {@code *}{@code /1} as {@code *}), which is what two expressions are compared by.
 */
public final class ParsedCron {

    private final CronDialect dialect;
    private final List<String> fields;
    private final Optional<Cron> cron;

    private ParsedCron(CronDialect dialect, List<String> fields, Optional<Cron> cron) {
        this.dialect = dialect;
        this.fields = List.copyOf(fields);
        this.cron = cron;
    }

    static ParsedCron expression(CronDialect dialect, List<String> fields, Cron cron) {
        return new ParsedCron(dialect, fields, Optional.of(cron));
    }

    static ParsedCron preset(CronDialect dialect, String preset) {
        return new ParsedCron(dialect, List.of(preset), Optional.empty());
    }

    public CronDialect dialect() {
        return dialect;
    }

    /** The fields as written, or the one preset. */
    public List<String> fields() {
        return fields;
    }

    /** The fields as written, separated by single spaces. */
    public String text() {
        return String.join(" ", fields);
    }

    /** The preset, lower case, when this is one rather than an expression. */
    public Optional<String> preset() {
        return cron.isPresent() ? Optional.empty() : Optional.of(fields.get(0).toLowerCase(Locale.ROOT));
    }

    /** cron-utils' canonical form of the fields (as Airbyte's server reads them), or the preset. */
    public List<String> canonicalFields() {
        return cron.map(c -> List.of(c.asString().split(" "))).orElseGet(() -> List.of(preset().orElseThrow()));
    }

    /** Whether both mean the same schedule as written field by field (names and numbers alike). */
    public boolean sameAs(ParsedCron other) {
        return dialect == other.dialect && canonicalFields().equals(other.canonicalFields());
    }

    /** The schedule in English words, as cron-utils describes it ({@code every 10 seconds}). */
    public String describe() {
        if (cron.isEmpty()) {
            return preset().orElseThrow();
        }
        try {
            return CronDescriptor.instance(Locale.ENGLISH).describe(cron.get());
        } catch (RuntimeException e) {
            return text();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedCron that && dialect == that.dialect && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, fields);
    }

    @Override
    public String toString() {
        return dialect + " " + text();
    }
}
