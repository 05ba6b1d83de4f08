package dev.meshprov.core.cde;

import java.util.Objects;

/**
 * Why the service or virtual cluster cannot be used: not found or not running.
 *
 * @param part which of the two
 * @param reason what is wrong, in the incumbent's words (e.g. {@code CDE Service not found: ...})
 * @param solution how to fix it
 */
record Unusable(Part part, String reason, String solution) {

    Unusable {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(solution, "solution");
    }

    /** The part of the target that is unusable. */
    enum Part {
        SERVICE,
        VIRTUAL_CLUSTER
    }
}
