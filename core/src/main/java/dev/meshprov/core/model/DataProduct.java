package dev.meshprov.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data product descriptor (the {@code dataProduct} subtree) and its components.
 *
 * @param node the data product subtree as written (treat as read-only)
 * @param components the components that have an id, in descriptor order
 */
public record DataProduct(JsonNode node, List<Component> components) {

    public DataProduct {
        Objects.requireNonNull(node, "node");
        components = List.copyOf(components);
    }

    public Optional<String> id() {
        return Descriptors.text(node, "id");
    }

    public Optional<String> name() {
        return Descriptors.text(node, "name");
    }

    public Optional<String> domain() {
        return Descriptors.text(node, "domain");
    }

    public Optional<String> version() {
        return Descriptors.text(node, "version");
    }

    public Optional<String> environment() {
        return Descriptors.text(node, "environment");
    }

    /** The component with this exact id. */
    public Optional<Component> component(String componentId) {
        return components.stream().filter(c -> c.id().equals(componentId)).findFirst();
    }

    /** The major version, i.e. the leading digits of {@code version} ({@code 1.3.0} → {@code 1}). */
    public Optional<String> majorVersion() {
        return version()
                .map(v -> v.split("\\.", 2)[0])
                .filter(m -> !m.isBlank() && m.chars().allMatch(Character::isDigit));
    }
}
