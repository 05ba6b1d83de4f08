package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import java.util.Optional;

/** The {@code info} of a provisioned component: what people see and the ids the next run needs. */
final class AirbyteInfo {

    private AirbyteInfo() {}

    static Info of(
            AirbyteSettings settings,
            String workspaceId,
            Connector source,
            Connector destination,
            Connection connection,
            Optional<SyncJob> job) {
        Info.Builder info = Info.builder()
                .publicEntry(
                        "connection",
                        InfoEntry.link(
                                "Airbyte connection",
                                connection.name(),
                                settings.connectionUrl(workspaceId, connection.id())))
                .publicEntry("source", InfoEntry.text("Airbyte source", source.name()))
                .publicEntry("destination", InfoEntry.text("Airbyte destination", destination.name()))
                .publicEntry(
                        "schedule",
                        InfoEntry.text("Sync schedule", connection.schedule().describe()));
        job.ifPresent(started -> info.publicEntry("syncJob", InfoEntry.text("Sync job started", started.id())));
        return info.privateValue("workspaceId", workspaceId)
                .privateValue("sourceId", source.id())
                .privateValue("destinationId", destination.id())
                .privateValue("connectionId", connection.id())
                .build();
    }
}
