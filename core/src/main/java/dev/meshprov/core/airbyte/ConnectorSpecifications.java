package dev.meshprov.core.airbyte;

import java.util.Optional;

/**
 * The rules connectors publish for their configuration, as far as an adapter knows them (for Airbyte: a connector's
 * specification, a JSON Schema). Validation checks the File and Snowflake configurations against them after
 * meshprov's own defaults and injections, so that a configuration the connector refuses is a validation problem
 * naming its field, not an upstream refusal at provisioning time. Nothing vendor-specific crosses this port: a
 * specification answers with violations by path and with the values it enumerates.
 */
@FunctionalInterface
public interface ConnectorSpecifications {

    /** The specification of the connector with this definition id; empty when none is known. */
    Optional<ConnectorSpecification> forDefinition(String definitionId);

    /** No specification is known: only meshprov's own rules apply. */
    static ConnectorSpecifications none() {
        return definitionId -> Optional.empty();
    }
}
