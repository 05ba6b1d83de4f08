package dev.meshprov.core.validation;

import dev.meshprov.core.model.Problem;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A mutable collector of problems for rule families with many independent checks: each check adds what it finds,
 * values of valid checks are taken as they come, and {@link #toValidation(Supplier)} reports everything at once.
 * Not thread-safe; use one per validation.
 */
public final class ProblemList {

    private final List<Problem> problems = new ArrayList<>();

    public void add(Problem problem) {
        problems.add(problem);
    }

    public void addAll(Seq<Problem> more) {
        more.forEach(problems::add);
    }

    /** Adds the problems of {@code validation} and returns its value, or {@code fallback} when invalid. */
    public <T> T take(Validation<Seq<Problem>, T> validation, T fallback) {
        if (validation.isValid()) {
            return validation.get();
        }
        addAll(validation.getError());
        return fallback;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> asList() {
        return Collections.unmodifiableList(problems);
    }

    /** Valid with the value built by {@code value} when no problem was added, else invalid with all of them. */
    public <T> Validation<Seq<Problem>, T> toValidation(Supplier<T> value) {
        return Validations.fromProblems(problems, value);
    }
}
