package dev.meshprov.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The contract's {@code ReverseProvisioningRequest}.
 *
 * @param useCaseTemplateId the component's use case template, which selects the technology
 * @param environment the target environment
 * @param params the technology-specific input (e.g. a connection id); an empty object when absent
 * @param catalogInfo the component's current {@code catalog-info.yaml}; an empty object when absent
 */
public record ReverseProvisioningRequest(
        String useCaseTemplateId, String environment, JsonNode params, JsonNode catalogInfo) {
    public ReverseProvisioningRequest {
        Objects.requireNonNull(useCaseTemplateId, "useCaseTemplateId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(catalogInfo, "catalogInfo");
    }
}
