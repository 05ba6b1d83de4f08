package dev.meshprov.core.airbyte;

import java.util.Objects;

/**
 * An Airbyte workspace.
 *
 * @param id its id
 * @param name its name
 */
public record Workspace(String id, String name) {
    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
