package dev.meshprov.core.model;

/** The kind of descriptor carried by a {@link ProvisioningRequest}, as named by the Witboost contract. */
public enum DescriptorKind {
    /** A whole data product; a specific provisioner does not provision it. */
    DATAPRODUCT_DESCRIPTOR,
    /** A data product plus {@code componentIdToProvision}: the only kind meshprov provisions. */
    COMPONENT_DESCRIPTOR,
    /** Reserved by the contract; not used by specific provisioners. */
    DATAPRODUCT_DESCRIPTOR_WITH_RESULTS
}
