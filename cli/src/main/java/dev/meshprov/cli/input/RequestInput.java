package dev.meshprov.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.validation.Validations;
import dev.meshprov.http.wire.ProvisioningRequestReader;
import dev.meshprov.http.wire.ProvisioningRequestReader.RemoveData;
import dev.meshprov.http.wire.WireJson;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.nio.charset.StandardCharsets;

/**
 * Turns the content of FILE into a {@link ProvisioningRequest}. FILE is one of:
 *
 * <ul>
 *   <li>a {@code ProvisioningRequest} (JSON or YAML with {@code descriptorKind} and {@code descriptor}), read like
 *       the HTTP API's request body;
 *   <li>a component descriptor ({@code dataProduct} plus {@code componentIdToProvision}), or the same without
 *       {@code componentIdToProvision} when {@code --component} names the component;
 *   <li>a bare data product descriptor ({@code id}, {@code components}, ... at the top level) with
 *       {@code --component}.
 * </ul>
 *
 * Content that is not YAML is invalid input, reported as problems like any other.
 */
public final class RequestInput {

    private static final SafeYaml YAML = SafeYaml.withDefaults();
    private static final String FIELD = "descriptor";

    private RequestInput() {}

    /** What FILE may hold, as the fix of content that is none of it. */
    static final String WHAT_FILE_HOLDS = "Give a component descriptor YAML (dataProduct and componentIdToProvision),"
            + " a data product YAML with --component ID, or a ProvisioningRequest JSON (see docs/cli.md).";

    /** The request in FILE {@code -}; {@code removeData} forces removal of the data ({@code --remove-data}). */
    public static Validation<Seq<Problem>, ProvisioningRequest> read(byte[] content, boolean removeData) {
        return read("-", content, removeData);
    }

    /**
     * The request in {@code file} (as named on the command line); {@code removeData} forces removal of the data
     * ({@code --remove-data}). Content that is no YAML map is a problem of FILE, in the command line's words.
     */
    public static Validation<Seq<Problem>, ProvisioningRequest> read(String file, byte[] content, boolean removeData) {
        String text = withoutByteOrderMark(new String(content, StandardCharsets.UTF_8));
        String name = file.equals("-") ? "stdin" : file;
        if (text.isBlank()) {
            return Validations.invalid(Problem.of("FILE", name + " is empty", WHAT_FILE_HOLDS));
        }
        return YAML.parse(text, FIELD).flatMap(tree -> {
            if (!tree.isObject()) {
                return Validations.invalid(Problem.of(
                        "FILE",
                        name + " holds " + Descriptors.describeType(tree) + ", not a YAML map",
                        WHAT_FILE_HOLDS));
            }
            if (isRequest(tree)) {
                return ProvisioningRequestReader.read(tree, RemoveData.FALSE_WHEN_ABSENT)
                        .map(request -> removeData ? withRemoveData(request) : request);
            }
            if (isBareDataProduct(tree)) {
                ObjectNode wrapped = WireJson.object();
                wrapped.set("dataProduct", tree);
                return Validations.valid(
                        ProvisioningRequest.ofComponentDescriptor(WireJson.write(wrapped), removeData));
            }
            return Validations.valid(ProvisioningRequest.ofComponentDescriptor(text, removeData));
        });
    }

    private static boolean isRequest(JsonNode tree) {
        return tree.isObject() && (tree.has("descriptorKind") || tree.has("descriptor"));
    }

    private static boolean isBareDataProduct(JsonNode tree) {
        return tree.isObject() && !tree.has("dataProduct") && tree.has("components");
    }

    private static ProvisioningRequest withRemoveData(ProvisioningRequest request) {
        return new ProvisioningRequest(
                request.descriptorKind(), request.descriptor(), request.latestEnrichedDescriptor(), true);
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
