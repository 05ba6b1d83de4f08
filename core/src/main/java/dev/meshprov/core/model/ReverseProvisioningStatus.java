package dev.meshprov.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contract's {@code ReverseProvisioningStatus}.
 *
 * @param state running, completed or failed
 * @param updates the catalog-info updates when completed; empty otherwise
 * @param logs the steps taken
 */
public record ReverseProvisioningStatus(OperationState state, Map<String, Object> updates, List<LogEntry> logs) {
    public ReverseProvisioningStatus {
        Objects.requireNonNull(state, "state");
        updates = Map.copyOf(updates);
        logs = List.copyOf(logs);
    }
}
