package dev.meshprov.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An asynchronous operation and, once finished, its outcome.
 *
 * @param token the random id handed to the caller
 * @param kind what it does
 * @param technology the technology's name
 * @param componentId the component acted on ({@code ""} for reverse provisioning)
 * @param state where it is
 * @param createdAt when it was accepted
 * @param updatedAt when it last changed
 * @param result a one-line summary once finished
 * @param info the provisioning {@code info} once completed, when the operation produced one
 * @param problems the validation problems (validate tasks only; empty = valid)
 * @param updates the catalog-info updates (reverse provisioning tasks only)
 * @param logs the steps taken so far
 * @param owner the id of the process running it
 */
public record Task(
        String token,
        TaskKind kind,
        String technology,
        String componentId,
        TaskState state,
        Instant createdAt,
        Instant updatedAt,
        String result,
        Optional<Info> info,
        List<Problem> problems,
        Map<String, Object> updates,
        List<LogEntry> logs,
        String owner) {

    public Task {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(info, "info");
        problems = List.copyOf(problems);
        updates = Map.copyOf(updates);
        logs = List.copyOf(logs);
        Objects.requireNonNull(owner, "owner");
    }

    /** A new waiting task. */
    public static Task waiting(
            String token, TaskKind kind, String technology, String componentId, Instant now, String owner) {
        return new Task(
                token,
                kind,
                technology,
                componentId,
                TaskState.WAITING,
                now,
                now,
                "",
                Optional.empty(),
                List.of(),
                Map.of(),
                List.of(),
                owner);
    }

    public Task running(Instant now, List<LogEntry> logsSoFar) {
        return transition(TaskState.RUNNING, now, result, info, problems, updates, logsSoFar);
    }

    public Task completed(Instant now, String summary, Optional<Info> outcome, List<LogEntry> allLogs) {
        return transition(TaskState.COMPLETED, now, summary, outcome, problems, updates, allLogs);
    }

    public Task validated(Instant now, List<Problem> found, List<LogEntry> allLogs) {
        return transition(
                TaskState.COMPLETED, now, found.isEmpty() ? "valid" : "invalid", info, found, updates, allLogs);
    }

    public Task reversed(Instant now, Map<String, Object> catalogUpdates, List<LogEntry> allLogs) {
        return transition(TaskState.COMPLETED, now, "imported", info, problems, catalogUpdates, allLogs);
    }

    public Task failed(Instant now, String reason, List<LogEntry> allLogs) {
        return transition(TaskState.FAILED, now, reason, Optional.empty(), problems, updates, allLogs);
    }

    /** This task in another state: identity, creation time and owner kept, the rest as given. */
    private Task transition(
            TaskState newState,
            Instant now,
            String newResult,
            Optional<Info> newInfo,
            List<Problem> newProblems,
            Map<String, Object> newUpdates,
            List<LogEntry> newLogs) {
        return new Task(
                token,
                kind,
                technology,
                componentId,
                newState,
                createdAt,
                now,
                newResult,
                newInfo,
                newProblems,
                newUpdates,
                newLogs,
                owner);
    }

    public boolean isFinished() {
        return state.isFinished();
    }
}
