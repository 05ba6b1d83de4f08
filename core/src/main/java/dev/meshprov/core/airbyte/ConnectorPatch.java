package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a source or destination to change; absent fields stay as they are.
 *
 * @param name the new name
 * @param configuration the new, complete configuration (may hold secrets; {@link #toString()} shows only keys)
 */
public record ConnectorPatch(Optional<String> name, Optional<ObjectNode> configuration) {
    public ConnectorPatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return name.isEmpty() && configuration.isEmpty();
    }

    @Override
    public String toString() {
        return "ConnectorPatch[name=" + name.orElse("-") + ", configurationKeys="
                + configuration.map(Jsons::fieldNames).map(Object::toString).orElse("-") + "]";
    }
}
