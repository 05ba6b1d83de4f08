package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A source or destination as it should be, including the server-side injections. The configuration may hold
 * secrets (injected Snowflake credentials), so {@link #toString()} shows only its keys.
 *
 * @param name the entity name, its identity in the workspace
 * @param definitionId the connector definition to use; empty when {@code connectorType} names the connector
 * @param connectorType the connector type (e.g. {@code postgres}) when given instead of a definition id
 * @param configuration the connector configuration to send (treat as read-only)
 */
public record ConnectorSpec(
        String name, Optional<String> definitionId, Optional<String> connectorType, ObjectNode configuration) {
    public ConnectorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definitionId, "definitionId");
        Objects.requireNonNull(connectorType, "connectorType");
        Objects.requireNonNull(configuration, "configuration");
    }

    @Override
    public String toString() {
        return "ConnectorSpec[name=" + name + ", definitionId=" + definitionId.orElse("-") + ", connectorType="
                + connectorType.orElse("-") + ", configurationKeys=" + Jsons.fieldNames(configuration) + "]";
    }
}
