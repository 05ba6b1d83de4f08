package dev.meshprov.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The contract's {@code ValidationStatus} of an asynchronous validation.
 *
 * @param state running, completed or failed
 * @param result the validation result once completed
 */
public record ValidationStatus(OperationState state, Optional<ValidationResult> result) {
    public ValidationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(result, "result");
    }
}
