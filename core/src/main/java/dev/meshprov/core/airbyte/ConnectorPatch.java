package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a source or destination to change; absent fields stay as they are. A configuration is either merged
 * into the stored one (Airbyte's PATCH: a deep merge, so fields it lacks stay) or replaces it (Airbyte's PUT, which
 * also sets the name): meshprov replaces when a field it wrote before must disappear.
 *
 * @param name the new name (required when replacing)
 * @param configuration the complete desired configuration (may hold secrets; {@link #toString()} shows only keys)
 * @param replace whether the configuration replaces the stored one instead of being merged into it
 */
public record ConnectorPatch(Optional<String> name, Optional<ObjectNode> configuration, boolean replace) {
    public ConnectorPatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
        if (replace && (name.isEmpty() || configuration.isEmpty())) {
            throw new IllegalArgumentException("a replacement carries the name and the whole configuration");
        }
    }

    /** A change merged into the stored entity (PATCH). */
    public ConnectorPatch(Optional<String> name, Optional<ObjectNode> configuration) {
        this(name, configuration, false);
    }

    /** A replacement of the name and the whole configuration (PUT). */
    public static ConnectorPatch replacing(String name, ObjectNode configuration) {
        return new ConnectorPatch(Optional.of(name), Optional.of(configuration), true);
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return name.isEmpty() && configuration.isEmpty();
    }

    @Override
    public String toString() {
        return "ConnectorPatch[name=" + name.orElse("-") + ", configurationKeys="
                + configuration.map(Jsons::fieldNames).map(Object::toString).orElse("-")
                + (replace ? ", replace" : "") + "]";
    }
}
