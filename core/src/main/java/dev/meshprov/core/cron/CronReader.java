package dev.meshprov.core.cron;

import com.cronutils.model.Cron;
import io.vavr.control.Either;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads cron expressions with cron-utils, one definition per {@link CronDialect}. A problem is a phrase to follow the
 * expression in a message ({@code has an invalid hours field (3rd, '25'): 25 is out of range 0-23}), naming the
 * field, its position and what it may hold.
 */
public final class CronReader {

    /**
     * The readings of the last expressions read (a deployment has few, read on every validation): cron-utils takes
     * some 10-20 µs per expression, about the time of a whole validation otherwise. Bounded in count and length.
     */
    private static final Map<Key, Either<String, ParsedCron>> READ = new ConcurrentHashMap<>();

    private static final int CACHED_READINGS = 512;
    private static final int CACHED_LENGTH = 200;

    private CronReader() {}

    private record Key(CronDialect dialect, String expression) {}

    /** The parsed expression or preset, or a phrase saying precisely what is wrong with it. */
    public static Either<String, ParsedCron> read(CronDialect dialect, String expression) {
        if (expression.length() > CACHED_LENGTH) {
            return readNow(dialect, expression);
        }
        if (READ.size() >= CACHED_READINGS) {
            READ.clear();
        }
        return READ.computeIfAbsent(new Key(dialect, expression), key -> readNow(key.dialect(), key.expression()));
    }

    /**
     * Builds every dialect's parser and reads one expression with each, so that the first validation does not pay
     * for it (some 20 ms in a fresh JVM); for start-up warm-ups on a background thread.
     */
    public static void warmUp() {
        for (CronDialect dialect : CronDialect.values()) {
            readNow(dialect, dialect.example());
            readNow(dialect, "x");
        }
    }

    private static Either<String, ParsedCron> readNow(CronDialect dialect, String expression) {
        String trimmed = expression.strip();
        if (trimmed.isEmpty()) {
            return Either.left("is empty");
        }
        if (!dialect.presets().isEmpty() && isPresetLike(dialect, trimmed)) {
            return dialect.presets().contains(trimmed.toLowerCase(Locale.ROOT))
                    ? Either.right(ParsedCron.preset(dialect, trimmed))
                    : Either.left("is not " + article(dialect.title()) + " preset (" + presetList(dialect) + ")");
        }
        List<String> fields = List.of(trimmed.split("\\s+"));
        Optional<String> count = countProblem(dialect, fields.size());
        if (count.isPresent()) {
            return Either.left(count.get());
        }
        Optional<String> malformed = FieldDiagnosis.unexpectedCharacter(dialect, fields)
                .or(() -> FieldDiagnosis.emptyListElement(dialect, fields));
        if (malformed.isPresent()) {
            return Either.left(malformed.get());
        }
        Cron cron;
        try {
            cron = dialect.parser().parse(String.join(" ", fields)).validate();
        } catch (IllegalArgumentException e) {
            return Either.left(FieldDiagnosis.explain(dialect, fields, e));
        }
        Optional<String> limit = dialect == CronDialect.QUARTZ ? QuartzLimits.problem(fields) : Optional.empty();
        return limit.isPresent()
                ? Either.left(limit.get())
                : Either.right(ParsedCron.expression(dialect, fields, cron));
    }

    private static boolean isPresetLike(CronDialect dialect, String text) {
        return text.startsWith("@") || dialect.presets().contains(text.toLowerCase(Locale.ROOT));
    }

    private static Optional<String> countProblem(CronDialect dialect, int count) {
        int required = dialect.requiredFields();
        int all = dialect.labels().size();
        if (count >= required && count <= all) {
            return Optional.empty();
        }
        String expected = required == all ? String.valueOf(all) : required + " or " + all;
        return Optional.of("has " + count + " field" + (count == 1 ? "" : "s") + ", but " + article(dialect.title())
                + " cron expression has " + expected + " (" + dialect.shape() + "), e.g. '" + dialect.example() + "'");
    }

    private static String presetList(CronDialect dialect) {
        return String.join(", ", new TreeSet<>(dialect.presets())).replace("none", "None");
    }

    private static String article(String word) {
        return ("AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }
}
