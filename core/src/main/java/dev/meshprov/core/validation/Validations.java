package dev.meshprov.core.validation;

import dev.meshprov.core.model.Problem;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Collection;
import java.util.function.Supplier;

/** Helpers for {@code Validation<Seq<Problem>, T>}, the one shape every check in meshprov returns. */
public final class Validations {

    private Validations() {}

    public static <T> Validation<Seq<Problem>, T> valid(T value) {
        return Validation.valid(value);
    }

    public static <T> Validation<Seq<Problem>, T> invalid(Problem problem) {
        return Validation.invalid(List.of(problem));
    }

    public static <T> Validation<Seq<Problem>, T> invalid(Seq<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid outcome needs at least one problem");
        }
        return Validation.invalid(problems);
    }

    /** Valid with {@code value} when {@code problems} is empty, else invalid with all of them. */
    public static <T> Validation<Seq<Problem>, T> fromProblems(Collection<Problem> problems, Supplier<T> value) {
        return problems.isEmpty() ? Validation.valid(value.get()) : Validation.invalid(List.ofAll(problems));
    }

    /** The problems of a validation; empty when valid. */
    public static Seq<Problem> problems(Validation<? extends Seq<Problem>, ?> validation) {
        return validation.isValid() ? List.empty() : validation.getError();
    }

    /** All problems of several independent checks, in order. */
    @SafeVarargs
    public static Seq<Problem> problemsOf(Validation<? extends Seq<Problem>, ?>... validations) {
        Seq<Problem> all = List.empty();
        for (Validation<? extends Seq<Problem>, ?> validation : validations) {
            all = all.appendAll(problems(validation));
        }
        return all;
    }

    /** Valid with every value when all are valid, else every problem of every invalid one. */
    public static <T> Validation<Seq<Problem>, Seq<T>> all(Iterable<Validation<Seq<Problem>, T>> validations) {
        Seq<Problem> problems = List.empty();
        Seq<T> values = List.empty();
        for (Validation<Seq<Problem>, T> validation : validations) {
            if (validation.isValid()) {
                values = values.append(validation.get());
            } else {
                problems = problems.appendAll(validation.getError());
            }
        }
        return problems.isEmpty() ? Validation.valid(values) : Validation.invalid(problems);
    }
}
