package dev.meshprov.core.cron;

import com.cronutils.model.field.constraint.FieldConstraints;
import com.cronutils.model.field.definition.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the field cron-utils refused and says why in a user's words. cron-utils reports a value, not the field it is
 * in, so each field is read again on its own (the others set to values that cannot fail); its message is reworded
 * where it is one of the common ones, and kept as it is otherwise.
 */
final class FieldDiagnosis {

    private static final String PREFIX = "Failed to parse cron expression. ";
    private static final Pattern VALUE = Pattern.compile("Value (-?\\d+) not in range \\[-?\\d+, -?\\d+]");
    private static final Pattern PERIOD = Pattern.compile("Period (-?\\d+) not in range .*");
    private static final Pattern CHARS =
            Pattern.compile("Invalid chars in expression! Expression: (\\S*) Invalid chars: .*");
    private static final Pattern RANGE = Pattern.compile("Invalid range! \\[(-?\\d+),(-?\\d+)]");
    private static final Pattern CRON_CHARACTERS = Pattern.compile("[0-9A-Za-z*?/,#-]+");
    private static final Pattern EXPRESSION = Pattern.compile("Invalid expression: (.*)");

    private FieldDiagnosis() {}

    /** The phrase for a field: {@code has an invalid hours field (3rd, '25'): 25 is out of range 0-23}. */
    static String invalidField(CronDialect dialect, int index, String token, String reason) {
        return "has an invalid " + dialect.labels().get(index) + " field (" + ordinal(index + 1) + ", '" + token
                + "'): " + reason;
    }

    /** A field with an empty list element ({@code 6,,7}), which cron-utils reports without naming it. */
    static Optional<String> emptyListElement(CronDialect dialect, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String token = fields.get(i);
            if (token.startsWith(",") || token.endsWith(",") || token.contains(",,")) {
                return Optional.of(invalidField(dialect, i, token, "has an empty list element"));
            }
        }
        return Optional.empty();
    }

    /**
     * A field with a character no cron syntax has: cron-utils reads numbers with {@code Integer.parseInt}, which also
     * takes a sign ({@code +5}) and digits of other scripts, where Quartz, croniter and crontab refuse them.
     */
    static Optional<String> unexpectedCharacter(CronDialect dialect, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (!CRON_CHARACTERS.matcher(fields.get(i)).matches()) {
                return Optional.of(invalidField(
                        dialect,
                        i,
                        fields.get(i),
                        "a field takes only ASCII digits, names and the characters " + dialect.specials()));
            }
        }
        return Optional.empty();
    }

    /** Why cron-utils refused {@code fields}: the first field refused on its own, else the fields together. */
    static String explain(CronDialect dialect, List<String> fields, IllegalArgumentException refusal) {
        for (int i = 0; i < fields.size(); i++) {
            Optional<String> problem = alone(dialect, fields, i);
            if (problem.isPresent()) {
                return invalidField(dialect, i, fields.get(i), reason(dialect, i, fields.get(i), problem.get()));
            }
        }
        return together(dialect, fields, refusal);
    }

    private static Optional<String> alone(CronDialect dialect, List<String> fields, int index) {
        List<String> probe = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            probe.add(i == index ? fields.get(i) : neutral(dialect, i, fields.get(index), index));
        }
        try {
            dialect.parser().parse(String.join(" ", probe)).validate();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** A value for field {@code i} that is valid whatever field {@code index} holds ({@code token}). */
    private static String neutral(CronDialect dialect, int i, String token, int index) {
        if (!dialect.needsQuestionMark()) {
            return "*";
        }
        int dayOfMonth = dialect.labels().indexOf("day-of-month");
        int dayOfWeek = dialect.labels().indexOf("day-of-week");
        if (i == dayOfMonth || i == dayOfWeek) {
            boolean otherDayField = index == dayOfMonth || index == dayOfWeek;
            boolean questionHere = otherDayField ? !token.equals("?") : i == dayOfWeek;
            return questionHere ? "?" : "*";
        }
        return i == 0 ? "0" : "*";
    }

    private static String reason(CronDialect dialect, int index, String token, String message) {
        String text = message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
        FieldConstraints constraints = constraints(dialect, index);
        Matcher matcher = VALUE.matcher(text);
        if (matcher.matches()) {
            return matcher.group(1) + " is out of range " + allowed(constraints);
        }
        if (PERIOD.matcher(text).matches()) {
            return "the step in '" + token + "' must be between 1 and " + constraints.getEndRange();
        }
        matcher = CHARS.matcher(text);
        if (matcher.matches()) {
            String value = matcher.group(1).isEmpty() ? token : matcher.group(1);
            return "'" + value + "' is not a value of " + allowed(constraints);
        }
        matcher = RANGE.matcher(text);
        if (matcher.matches()) {
            return "the range ends before it starts (" + matcher.group(1) + " > " + matcher.group(2) + ")"
                    + sundayHint(constraints, token);
        }
        if (token.contains("?")) {
            return dialect.needsQuestionMark()
                    ? "'?' is only allowed in day-of-month and day-of-week"
                    : "'?' is not part of " + dialect.title() + " syntax; write * for any value";
        }
        matcher = EXPRESSION.matcher(text);
        if (matcher.matches()) {
            return "'" + matcher.group(1) + "' is not valid here; the field takes " + allowed(constraints)
                    + ", *, ranges a-b, steps /n and lists";
        }
        return text;
    }

    /** cron-utils reads SUN as 7 where 7 is Sunday, so {@code SUN-SAT} is the range 7-6. */
    private static String sundayHint(FieldConstraints constraints, String token) {
        Integer sunday = constraints.getStringMappingValue("SUN");
        boolean startsWithSunday = token.toUpperCase(Locale.ROOT).startsWith("SUN-");
        return sunday != null && sunday == constraints.getEndRange() && startsWithSunday
                ? "; SUN counts as " + sunday + " here, so write 0 for a range starting on Sunday, e.g. 0-6"
                : "";
    }

    private static String together(CronDialect dialect, List<String> fields, IllegalArgumentException refusal) {
        if (dialect.needsQuestionMark()) {
            String dayOfMonth = fields.get(dialect.labels().indexOf("day-of-month"));
            String dayOfWeek = fields.get(dialect.labels().indexOf("day-of-week"));
            if (dayOfMonth.equals("?") && dayOfWeek.equals("?")) {
                return "has '?' in both day-of-month and day-of-week; exactly one of them must be '?'";
            }
            if (!dayOfMonth.equals("?") && !dayOfWeek.equals("?")) {
                return "sets both day-of-month ('" + dayOfMonth + "') and day-of-week ('" + dayOfWeek + "'); "
                        + dialect.title() + " needs '?' in exactly one of them, e.g. '" + dialect.example() + "'";
            }
        }
        String text = String.valueOf(refusal.getMessage());
        return "is not valid: " + (text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text);
    }

    private static FieldConstraints constraints(CronDialect dialect, int index) {
        List<FieldDefinition> definitions = new ArrayList<>(dialect.definition().getFieldDefinitions());
        definitions.sort(FieldDefinition.createFieldDefinitionComparator());
        return definitions.get(index).getConstraints();
    }

    /** {@code 0-59}, or {@code 1-12 or JAN-DEC} where the field takes names. */
    static String allowed(FieldConstraints constraints) {
        String range = constraints.getStartRange() + "-" + constraints.getEndRange();
        List<String> names = new ArrayList<>(constraints.getStringMappingKeySet());
        if (names.isEmpty()) {
            return range;
        }
        names.sort((a, b) -> constraints.getStringMappingValue(a) - constraints.getStringMappingValue(b));
        return range + " or " + names.get(0) + "-" + names.get(names.size() - 1);
    }

    private static String ordinal(int n) {
        return n + (n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th");
    }
}
