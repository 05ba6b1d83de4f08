package dev.meshprov.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract's {@code ProvisioningStatus}: the outcome of provision, unprovision or updateacl.
 *
 * @param state running, completed or failed
 * @param result a one-line summary (the contract's deprecated {@code result})
 * @param info what was provisioned, when completed
 * @param logs the steps taken, in order
 */
public record ProvisioningStatus(OperationState state, String result, Optional<Info> info, List<LogEntry> logs) {

    public ProvisioningStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(info, "info");
        logs = List.copyOf(logs);
    }

    public static ProvisioningStatus running(List<LogEntry> logs) {
        return new ProvisioningStatus(OperationState.RUNNING, "", Optional.empty(), logs);
    }

    public static ProvisioningStatus completed(String result, Optional<Info> info, List<LogEntry> logs) {
        return new ProvisioningStatus(OperationState.COMPLETED, result, info, logs);
    }

    public static ProvisioningStatus failed(String result, List<LogEntry> logs) {
        return new ProvisioningStatus(OperationState.FAILED, result, Optional.empty(), logs);
    }
}
