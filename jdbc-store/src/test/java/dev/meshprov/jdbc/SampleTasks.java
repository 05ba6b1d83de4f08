package dev.meshprov.jdbc;

import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.LogEntry;
import dev.meshprov.core.model.LogLevel;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.Task;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.model.TaskState;
import dev.meshprov.core.model.UpstreamFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks using every field the store must keep. */
final class SampleTasks {

    static final String COMPONENT = "urn:dmb:cmp:finance:cashflow:0:ingestion";

    private SampleTasks() {}

    static Task waiting(String token, String owner, Instant now) {
        return Task.waiting(token, TaskKind.PROVISION, "airbyte", COMPONENT, now, owner);
    }

    static Task completedWithEverything(String token, String owner, Instant now) {
        Info info = Info.builder()
                .publicEntry("connection", InfoEntry.link("Connection", "cashflow", "https://airbyte.example/c/1"))
                .publicEntry("provisionedAt", InfoEntry.date("Provisioned at", now.toString()))
                .publicEntry("technology", InfoEntry.text("Technology", "airbyte"))
                .privateValue("connectionId", "c-1")
                .privateValue("details", Map.of("attempts", 2, "tags", List.of("a", "b"), "ok", true))
                .build();
        List<LogEntry> logs = List.of(
                new LogEntry(now, LogLevel.INFO, "Creating the source", Optional.of("source")),
                new LogEntry(now.plusMillis(5), LogLevel.WARNING, "Slow answer", Optional.empty()));
        return waiting(token, owner, now)
                .running(now, logs.subList(0, 1))
                .completed(now.plusSeconds(1), "Connection cashflow provisioned", Optional.of(info), logs);
    }

    static Task validatedWithProblems(String token, String owner, Instant now) {
        List<Problem> problems = List.of(
                Problem.of("dataProduct.components[x].specific.name", "is missing", "Set it."),
                Problem.upstream(
                        "dataProduct.components[x].specific.workspace",
                        new UpstreamFailure.Rejected("Airbyte", "GET /workspaces", 403, "forbidden", List.of("a")),
                        "Grant access."),
                Problem.upstream(
                        "dataProduct.components[x].specific.dag",
                        new UpstreamFailure.TimedOut("MWAA", "GET /dags", "after 10s"),
                        "Retry."));
        return new Task(
                token,
                TaskKind.VALIDATE,
                "mwaa",
                "",
                TaskState.COMPLETED,
                now,
                now,
                "invalid",
                Optional.empty(),
                problems,
                Map.of("spec.mesh.specific.name", "imported", "nested", Map.of("list", List.of(1, 2))),
                List.of(),
                owner);
    }
}
