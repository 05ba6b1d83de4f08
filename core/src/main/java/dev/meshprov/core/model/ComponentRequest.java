package dev.meshprov.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The input a technology works on: the data product, the component to act on, the request flags and what the
 * previous run recorded for this component.
 *
 * @param dataProduct the whole data product (technologies may check sibling components, e.g. for collisions)
 * @param component the component to act on
 * @param removeData whether unprovision should delete data
 * @param previousInfo the component's {@code info} from {@code latestEnrichedDescriptor}
 *     ({@code {publicInfo, privateInfo}}); a missing node when there is none
 */
public record ComponentRequest(
        DataProduct dataProduct, Component component, boolean removeData, JsonNode previousInfo) {

    public ComponentRequest {
        Objects.requireNonNull(dataProduct, "dataProduct");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(previousInfo, "previousInfo");
    }

    public static ComponentRequest of(DataProduct dataProduct, Component component, boolean removeData) {
        return new ComponentRequest(dataProduct, component, removeData, MissingNode.getInstance());
    }

    /** A value recorded in the previous run's {@code info.privateInfo}, when it is a non-blank scalar. */
    public Optional<String> previousPrivateValue(String key) {
        return Descriptors.text(previousInfo.path("privateInfo"), key);
    }

    /** The previous run's {@code info.privateInfo}; a missing node when there is none. */
    public JsonNode previousPrivateInfo() {
        return previousInfo.path("privateInfo");
    }
}
