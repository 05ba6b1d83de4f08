package dev.meshprov.core.model;

/** What a task does; each status endpoint answers only for its own kinds. */
public enum TaskKind {
    PROVISION,
    UNPROVISION,
    UPDATE_ACL,
    VALIDATE,
    REVERSE;

    /** Whether tokens of this kind are polled on {@code /v1/provision/{token}/status}. */
    public boolean isProvisioningStatusKind() {
        return this == PROVISION || this == UNPROVISION || this == UPDATE_ACL;
    }
}
