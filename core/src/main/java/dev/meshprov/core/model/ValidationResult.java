package dev.meshprov.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The outcome of validating a request, one of three: <b>valid</b>; <b>invalid</b>, with every problem of the input;
 * or <b>could not check</b>, when the input showed no problem but a check that needs an upstream system could not be
 * made (it could not be reached, did not answer in time or refused meshprov's credentials). An invalid result also
 * lists the checks that could not be made beside its problems.
 *
 * @param problems every problem of the input; none of them carries an upstream failure
 * @param outages every check that could not be made because of an upstream system
 */
public record ValidationResult(List<Problem> problems, List<UpstreamOutage> outages) {

    public ValidationResult {
        problems = List.copyOf(problems);
        outages = List.copyOf(outages);
        if (problems.stream().anyMatch(Problem::isUpstream)) {
            throw new IllegalArgumentException("an upstream failure is an outage, not a problem of the input");
        }
    }

    public static ValidationResult valid() {
        return new ValidationResult(List.of(), List.of());
    }

    /**
     * The result of the problems a validation found: those carrying an upstream failure are the checks that could
     * not be made, the others the problems of the input. Valid when there are none.
     */
    public static ValidationResult of(Collection<Problem> found) {
        List<Problem> problems = new ArrayList<>();
        List<UpstreamOutage> outages = new ArrayList<>();
        for (Problem problem : found) {
            UpstreamOutage.of(problem).ifPresentOrElse(outages::add, () -> problems.add(problem));
        }
        return new ValidationResult(problems, outages);
    }

    /** Like {@link #of}, for at least one problem. */
    public static ValidationResult invalid(List<Problem> found) {
        if (found.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one problem");
        }
        return of(found);
    }

    /** Nothing wrong and every check made. */
    public boolean isValid() {
        return problems.isEmpty() && outages.isEmpty();
    }

    /** The input has at least one problem (whether or not every check could be made). */
    public boolean isInvalid() {
        return !problems.isEmpty();
    }

    /** The input showed no problem, but at least one check could not be made. */
    public boolean couldNotCheck() {
        return problems.isEmpty() && !outages.isEmpty();
    }
}
