package dev.meshprov.airbyte;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The problems found in one configuration section, each named by its dotted key ({@code airbyte.auth.clientSecret})
 * with a fix, and the check every area of the section makes of a required text. One per check of a section.
 */
final class ConfigProblems {

    private final String section;
    private final ProblemList problems = new ProblemList();

    /** Problems of section {@code section} (e.g. {@code airbyte}; empty for keys without a prefix). */
    ConfigProblems(String section) {
        this.section = section;
    }

    void add(String key, String message, String solution) {
        problems.add(Problem.of(key(key), message, solution));
    }

    /** The key as messages and fixes name it: with the section in front. */
    String key(String key) {
        return section.isEmpty() ? key : section + "." + key;
    }

    /** {@code value}, or {@code ""} and a problem when it is blank. */
    String required(String key, String value, String what) {
        if (blank(value)) {
            add(key, "is required but missing", "Set " + key(key) + " to " + what + ".");
            return "";
        }
        return value;
    }

    /** The value built by {@code value} when no problem was found, else every problem. */
    <T> Validation<Seq<Problem>, T> toValidation(Supplier<T> value) {
        return problems.toValidation(value);
    }

    static Optional<String> optional(String value) {
        return blank(value) ? Optional.empty() : Optional.of(value);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
