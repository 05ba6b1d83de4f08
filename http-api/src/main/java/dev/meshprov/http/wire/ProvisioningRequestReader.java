package dev.meshprov.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.DescriptorKind;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Optional;

/**
 * Reads the contract's {@code ProvisioningRequest} ({@code descriptorKind}, {@code descriptor},
 * {@code latestEnrichedDescriptor}, {@code removeData}), reporting every missing field, wrong type and unknown enum
 * value together, each named by its field.
 */
public final class ProvisioningRequestReader {

    /** The contract's name of the body. */
    public static final String SCHEMA = "ProvisioningRequest";

    /** Whether the request must say {@code removeData}. */
    public enum RemoveData {
        /** Provision and unprovision: what happens to the data must be explicit. */
        REQUIRED,
        /** Validation: removeData does not matter and defaults to false. */
        FALSE_WHEN_ABSENT
    }

    private ProvisioningRequestReader() {}

    /** Reads a request body. */
    public static Validation<Seq<Problem>, ProvisioningRequest> read(byte[] body, RemoveData removeData) {
        return JsonBody.object(body, SCHEMA).flatMap(root -> read(root, removeData));
    }

    /** Reads an already parsed JSON object. */
    public static Validation<Seq<Problem>, ProvisioningRequest> read(JsonNode root, RemoveData removeData) {
        FieldReader fields = FieldReader.of(root, "");
        ProblemList problems = new ProblemList();
        DescriptorKind kind = problems.take(
                WireFields.requiredEnum(
                        fields,
                        "descriptorKind",
                        DescriptorKind.class,
                        "Set descriptorKind to COMPONENT_DESCRIPTOR: meshprov provisions one component per request."),
                null);
        String descriptor = problems.take(
                fields.requiredText(
                        "descriptor",
                        "Put the component descriptor (YAML with dataProduct and componentIdToProvision) in"
                                + " descriptor, as a string."),
                null);
        Optional<String> enriched = problems.take(
                WireFields.optionalString(
                        fields,
                        "latestEnrichedDescriptor",
                        "Send latestEnrichedDescriptor as the data product YAML in a string, or leave it out."),
                Optional.empty());
        boolean remove = problems.take(removeData(fields, removeData), false);
        return problems.toValidation(() -> new ProvisioningRequest(kind, descriptor, enriched, remove));
    }

    private static Validation<Seq<Problem>, Boolean> removeData(FieldReader fields, RemoveData rule) {
        String solution = "Set removeData to true (unprovisioning also deletes the component's data) or false.";
        return rule == RemoveData.REQUIRED
                ? WireFields.requiredBoolean(fields, "removeData", solution)
                : fields.optionalBoolean("removeData", solution).map(value -> value.orElse(false));
    }
}
