package dev.meshprov.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One component of a data product descriptor, as written by the user. Typed access to its technology-specific
 * {@code specific} section is the job of that technology's rules.
 *
 * @param id the component id as written
 * @param node the component's descriptor subtree (treat as read-only)
 */
public record Component(String id, JsonNode node) {

    public Component {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
    }

    /** The dot path of this component in the descriptor: {@code dataProduct.components[<id>]}. */
    public String fieldPath() {
        return "dataProduct.components[" + id + "]";
    }

    /** The dot path of a field of this component, e.g. {@code fieldPath("specific.dagName")}. */
    public String fieldPath(String relative) {
        return fieldPath() + "." + relative;
    }

    /** The parsed id, when it has the standard form. */
    public Optional<ComponentId> componentId() {
        return ComponentId.parse(id);
    }

    public Optional<String> name() {
        return Descriptors.text(node, "name");
    }

    public Optional<String> kind() {
        return Descriptors.text(node, "kind");
    }

    public Optional<String> useCaseTemplateId() {
        return Descriptors.text(node, "useCaseTemplateId");
    }

    public Optional<String> infrastructureTemplateId() {
        return Descriptors.text(node, "infrastructureTemplateId");
    }

    /** The {@code specific} section; a missing node when absent. */
    public JsonNode specific() {
        return node.path("specific");
    }
}
