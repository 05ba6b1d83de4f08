package dev.meshprov.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A provisioning request as received from the coordinator or the CLI.
 *
 * @param descriptorKind what {@code descriptor} holds
 * @param descriptor the descriptor as YAML (JSON is valid YAML)
 * @param latestEnrichedDescriptor the data product as last enriched by previous runs, if any
 * @param removeData whether unprovisioning should also delete the component's data
 */
public record ProvisioningRequest(
        DescriptorKind descriptorKind,
        String descriptor,
        Optional<String> latestEnrichedDescriptor,
        boolean removeData) {

    public ProvisioningRequest {
        Objects.requireNonNull(descriptorKind, "descriptorKind");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(latestEnrichedDescriptor, "latestEnrichedDescriptor");
    }

    /** A component descriptor request without previous provisioning information. */
    public static ProvisioningRequest ofComponentDescriptor(String descriptorYaml, boolean removeData) {
        return new ProvisioningRequest(
                DescriptorKind.COMPONENT_DESCRIPTOR, descriptorYaml, Optional.empty(), removeData);
    }
}
