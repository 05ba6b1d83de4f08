package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.validation.FieldReader;
import java.util.Optional;

/**
 * A source or destination section as written, after the checks every connector shares.
 *
 * @param kind source or destination
 * @param name the entity name
 * @param definitionId the connector definition given in the descriptor
 * @param connectorType the connector type given in the descriptor ({@code sourceType} / {@code destinationType})
 * @param configuration a reader of the configuration object as written
 */
record ConnectorSection(
        ConnectorKind kind,
        String name,
        Optional<String> definitionId,
        Optional<String> connectorType,
        FieldReader configuration) {

    /** A private copy of the configuration, to add injections to. */
    ObjectNode configurationCopy() {
        return ((ObjectNode) configuration.node()).deepCopy();
    }

    /** Whether this is the kind's default connector (File source, Snowflake destination). */
    boolean isDefaultConnector(String defaultDefinitionId, String defaultType) {
        if (definitionId.isPresent()) {
            return definitionId.get().equalsIgnoreCase(defaultDefinitionId);
        }
        return connectorType.map(defaultType::equalsIgnoreCase).orElse(true);
    }
}
