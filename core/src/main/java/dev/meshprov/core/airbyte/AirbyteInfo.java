package dev.meshprov.core.airbyte;

import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import java.util.Optional;

/** The {@code info} of a provisioned component: what people see and the ids the next run needs. */
final class AirbyteInfo {

    /** The privateInfo key of the fingerprint of the source's secrets. */
    static final String SOURCE_SECRETS = "sourceConfigFingerprint";

    /** The privateInfo key of the fingerprint of the destination's secrets. */
    static final String DESTINATION_SECRETS = "destinationConfigFingerprint";

    /** The privateInfo key of the fields of the source configuration meshprov wrote. */
    static final String SOURCE_FIELDS = "sourceConfigFields";

    /** The privateInfo key of the fields of the destination configuration meshprov wrote. */
    static final String DESTINATION_FIELDS = "destinationConfigFields";

    private AirbyteInfo() {}

    static Info of(
            AirbyteSettings settings,
            Pipeline pipeline,
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
        info.privateValue("workspaceId", workspaceId)
                .privateValue("sourceId", source.id())
                .privateValue("destinationId", destination.id())
                .privateValue("connectionId", connection.id());
        fingerprint(pipeline, ConnectorKind.SOURCE).ifPresent(value -> info.privateValue(SOURCE_SECRETS, value));
        fingerprint(pipeline, ConnectorKind.DESTINATION)
                .ifPresent(value -> info.privateValue(DESTINATION_SECRETS, value));
        info.privateValue(SOURCE_FIELDS, fields(pipeline, ConnectorKind.SOURCE))
                .privateValue(DESTINATION_FIELDS, fields(pipeline, ConnectorKind.DESTINATION));
        return info.build();
    }

    private static String fields(Pipeline pipeline, ConnectorKind kind) {
        return ConfigurationPaths.write(
                ConfigurationPaths.leaves(pipeline.connector(kind).configuration()));
    }

    private static Optional<String> fingerprint(Pipeline pipeline, ConnectorKind kind) {
        ConnectorSpec spec = pipeline.connector(kind);
        return SecretFingerprint.of(kind, spec.name(), spec.configuration());
    }
}
