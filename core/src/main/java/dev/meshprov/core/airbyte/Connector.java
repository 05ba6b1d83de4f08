package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * An Airbyte source or destination as Airbyte reports it. Airbyte masks secret values of the configuration.
 *
 * @param kind source or destination
 * @param id its id (a UUID)
 * @param name its name
 * @param workspaceId the workspace it lives in
 * @param definitionId the id of its connector definition, when reported
 * @param connectorType the connector type, e.g. {@code file} or {@code snowflake}, when reported
 * @param configuration its configuration (secrets masked)
 */
public record Connector(
        ConnectorKind kind,
        String id,
        String name,
        String workspaceId,
        Optional<String> definitionId,
        Optional<String> connectorType,
        JsonNode configuration) {
    public Connector {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(definitionId, "definitionId");
        Objects.requireNonNull(connectorType, "connectorType");
        Objects.requireNonNull(configuration, "configuration");
    }

    @Override
    public String toString() {
        return "Connector[" + kind.label() + " " + id + " '" + name + "']";
    }
}
