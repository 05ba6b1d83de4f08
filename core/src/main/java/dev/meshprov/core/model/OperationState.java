package dev.meshprov.core.model;

/** The state of an operation as the contract reports it. */
public enum OperationState {
    RUNNING,
    COMPLETED,
    FAILED
}
