package dev.meshprov.core.model;

/** The life of a task: waiting for its component's turn, running, then completed or failed. */
public enum TaskState {
    WAITING,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }

    /** The state as the contract reports it (a waiting task is reported as running). */
    public OperationState toOperationState() {
        return switch (this) {
            case WAITING, RUNNING -> OperationState.RUNNING;
            case COMPLETED -> OperationState.COMPLETED;
            case FAILED -> OperationState.FAILED;
        };
    }
}
