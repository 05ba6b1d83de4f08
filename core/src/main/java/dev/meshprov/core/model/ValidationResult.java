package dev.meshprov.core.model;

import java.util.List;

/**
 * The outcome of validating a request: valid, or the full list of problems.
 *
 * @param problems every problem found; empty when valid
 */
public record ValidationResult(List<Problem> problems) {

    public ValidationResult {
        problems = List.copyOf(problems);
    }

    public static ValidationResult valid() {
        return new ValidationResult(List.of());
    }

    public static ValidationResult invalid(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one problem");
        }
        return new ValidationResult(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
