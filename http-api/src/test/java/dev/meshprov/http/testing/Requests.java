package dev.meshprov.http.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Request bodies for the tests: component descriptors (as YAML, as the coordinator sends them) for the test
 * technologies, wrapped in the contract's ProvisioningRequest, UpdateAclRequest and ReverseProvisioningRequest.
 */
public final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private Requests() {}

    /** The id of a test component. */
    public static String componentId(String component) {
        return "urn:dmb:cmp:finance:cashflow:0:" + component;
    }

    /** A component descriptor routed to {@code technology} by its template ids, as YAML. */
    public static String descriptor(String technology, String component, Map<String, ?> specific) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode dataProduct = root.putObject("dataProduct");
        dataProduct.put("id", "urn:dmb:dp:finance:cashflow:0");
        dataProduct.put("name", "cashflow");
        dataProduct.put("domain", "finance");
        dataProduct.put("environment", "development");
        dataProduct.put("version", "0.1.0");
        ArrayNode components = dataProduct.putArray("components");
        ObjectNode node = components.addObject();
        node.put("id", componentId(component));
        node.put("name", component);
        node.put("kind", "workload");
        node.put("infrastructureTemplateId", "urn:dmb:itm:" + technology + "-provisioner:0");
        node.put("useCaseTemplateId", "urn:dmb:utm:" + technology + "-template:0.0.0");
        node.set("specific", JSON.valueToTree(specific));
        root.put("componentIdToProvision", componentId(component));
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ProvisioningRequest carrying {@code descriptorYaml}. */
    public static ObjectNode provisioning(String descriptorYaml, boolean removeData) {
        ObjectNode request = JSON.createObjectNode();
        request.put("descriptorKind", "COMPONENT_DESCRIPTOR");
        request.put("descriptor", descriptorYaml);
        request.put("removeData", removeData);
        return request;
    }

    /** A ProvisioningRequest for a component of {@code technology} with the given specific section. */
    public static ObjectNode provisioning(String technology, String component, Map<String, ?> specific) {
        return provisioning(descriptor(technology, component, specific), false);
    }

    /** An UpdateAclRequest whose provisionInfo.request is the ProvisioningRequest JSON of the component. */
    public static ObjectNode updateAcl(
            String technology, String component, Map<String, ?> specific, List<String> refs) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode array = request.putArray("refs");
        refs.forEach(array::add);
        ObjectNode info = request.putObject("provisionInfo");
        info.put("request", provisioning(technology, component, specific).toString());
        info.put("result", "provisioned");
        return request;
    }

    /** A ReverseProvisioningRequest for the use case template of {@code technology}. */
    public static ObjectNode reverse(String technology, Map<String, ?> params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("useCaseTemplateId", "urn:dmb:utm:" + technology + "-template:0.0.0");
        request.put("environment", "development");
        request.set("params", JSON.valueToTree(params));
        request.putObject("catalogInfo").put("kind", "Component");
        return request;
    }
}
