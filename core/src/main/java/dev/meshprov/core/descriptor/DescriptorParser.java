package dev.meshprov.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.DataProduct;
import dev.meshprov.core.model.DescriptorKind;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.validation.ProblemList;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the data product and the component to act on in a request, and reads the previous run's {@code info} for
 * it from {@code latestEnrichedDescriptor}. Reports every problem of the descriptor's common structure (not of the
 * technology-specific {@code specific} section) with its field path and fix.
 */
public final class DescriptorParser {

    private static final String COMPONENT_ID_FIELD = "componentIdToProvision";

    private final SafeYaml yaml;

    public DescriptorParser(SafeYaml yaml) {
        this.yaml = Objects.requireNonNull(yaml, "yaml");
    }

    /** Parses a provisioning request carrying a {@code COMPONENT_DESCRIPTOR}. */
    public Validation<Seq<Problem>, ComponentRequest> parse(ProvisioningRequest request) {
        return parse(request, Optional.empty());
    }

    /**
     * Parses a request; {@code componentOverride} picks the component when the descriptor has no
     * {@code componentIdToProvision} (the CLI's {@code --component}).
     */
    public Validation<Seq<Problem>, ComponentRequest> parse(
            ProvisioningRequest request, Optional<String> componentOverride) {
        if (request.descriptorKind() != DescriptorKind.COMPONENT_DESCRIPTOR) {
            return Validations.invalid(Problem.of(
                    "descriptorKind",
                    "is " + request.descriptorKind() + ", but meshprov provisions one component at a time",
                    "Send descriptorKind COMPONENT_DESCRIPTOR with the data product and componentIdToProvision."));
        }
        return parseDescriptor(request.descriptor(), "descriptor", componentOverride)
                .flatMap(found -> previousInfo(request, found.component())
                        .map(previous -> new ComponentRequest(
                                found.dataProduct(), found.component(), request.removeData(), previous)));
    }

    /**
     * Parses a component descriptor ({@code dataProduct} plus {@code componentIdToProvision}) given as text;
     * problems are located at {@code field} for syntax errors and at dot paths inside it otherwise.
     */
    public Validation<Seq<Problem>, Located> parseDescriptor(
            String text, String field, Optional<String> componentOverride) {
        if (text.isBlank()) {
            return Validations.invalid(Problem.of(
                    field, "is empty", "Send the component descriptor YAML (dataProduct and componentIdToProvision)."));
        }
        return yaml.parseReadOnly(text, field).flatMap(root -> fromTree(root, field, componentOverride));
    }

    /**
     * Finds the data product and component in an already parsed descriptor tree; {@code field} names the tree in
     * messages about its overall shape.
     */
    public Validation<Seq<Problem>, Located> fromTree(JsonNode root, String field, Optional<String> override) {
        if (!root.isObject()) {
            return Validations.invalid(Problem.of(
                    field,
                    "must be a YAML map with dataProduct and componentIdToProvision, but is "
                            + Descriptors.describeType(root),
                    "Send the component descriptor produced by Witboost (dataProduct and componentIdToProvision)."));
        }
        ProblemList problems = new ProblemList();
        JsonNode dataProductNode = root.path("dataProduct");
        if (!dataProductNode.isObject()) {
            problems.add(Problem.of(
                    "dataProduct",
                    dataProductNode.isMissingNode()
                            ? "is required but missing"
                            : "must be an object, but is " + Descriptors.describeType(dataProductNode),
                    "Put the data product descriptor under the top-level key dataProduct."));
        }
        Optional<String> componentId = override.isPresent() ? override : componentIdToProvision(root, problems);
        if (!problems.isEmpty()) {
            return problems.toValidation(() -> null);
        }
        JsonNode componentsNode = dataProductNode.path("components");
        if (!componentsNode.isArray()) {
            return Validations.invalid(Problem.of(
                    "dataProduct.components",
                    componentsNode.isMissingNode()
                            ? "is required but missing"
                            : "must be a list, but is " + Descriptors.describeType(componentsNode),
                    "List the data product's components under dataProduct.components."));
        }
        DataProduct dataProduct = new DataProduct(dataProductNode, components(componentsNode));
        return select(dataProduct, componentId.orElseThrow())
                .flatMap(component -> checkComponent(component).map(c -> new Located(dataProduct, c)));
    }

    private static Optional<String> componentIdToProvision(JsonNode root, ProblemList problems) {
        JsonNode id = root.path(COMPONENT_ID_FIELD);
        if (id.isMissingNode() || id.isNull()) {
            problems.add(Problem.of(
                    COMPONENT_ID_FIELD,
                    "is required but missing",
                    "Add componentIdToProvision with the id of the component to act on"
                            + " (the CLI also accepts --component ID)."));
            return Optional.empty();
        }
        if (!id.isTextual() || id.asText().isBlank()) {
            problems.add(Problem.of(
                    COMPONENT_ID_FIELD,
                    "must be a non-blank string, but is " + Descriptors.describeType(id),
                    "Set componentIdToProvision to the id of one of dataProduct.components."));
            return Optional.empty();
        }
        return Optional.of(id.asText());
    }

    private static List<Component> components(JsonNode componentsNode) {
        List<Component> components = new ArrayList<>();
        for (JsonNode node : componentsNode) {
            JsonNode id = node.path("id");
            if (node.isObject() && id.isTextual() && !id.asText().isBlank()) {
                components.add(new Component(id.asText(), node));
            }
        }
        return components;
    }

    private static Validation<Seq<Problem>, Component> select(DataProduct dataProduct, String componentId) {
        List<Component> matching = dataProduct.components().stream()
                .filter(c -> c.id().equals(componentId))
                .toList();
        if (matching.size() == 1) {
            return Validations.valid(matching.get(0));
        }
        if (matching.isEmpty()) {
            String known = dataProduct.components().stream().map(Component::id).collect(Collectors.joining(", "));
            return Validations.invalid(Problem.of(
                    COMPONENT_ID_FIELD,
                    "names " + componentId + ", but dataProduct.components has no component with that id"
                            + (known.isEmpty() ? " (it has no component with an id)" : " (ids: " + known + ")"),
                    "Set componentIdToProvision to the id of one of the data product's components."));
        }
        return Validations.invalid(Problem.of(
                "dataProduct.components",
                "has " + matching.size() + " components with the id " + componentId,
                "Give every component of the data product a distinct id."));
    }

    private static Validation<Seq<Problem>, Component> checkComponent(Component component) {
        ProblemList problems = new ProblemList();
        JsonNode kind = component.node().path("kind");
        if (!kind.isTextual() || kind.asText().isBlank()) {
            problems.add(Problem.of(
                    component.fieldPath("kind"),
                    kind.isMissingNode() || kind.isNull()
                            ? "is required but missing"
                            : "must be a string, but is " + Descriptors.describeType(kind),
                    "Set kind to the component's kind, e.g. workload."));
        }
        JsonNode specific = component.specific();
        if (!specific.isObject()) {
            problems.add(Problem.of(
                    component.fieldPath("specific"),
                    specific.isMissingNode() || specific.isNull()
                            ? "is required but missing"
                            : "must be an object, but is " + Descriptors.describeType(specific),
                    "Add the technology-specific settings of the component under specific."));
        }
        return problems.toValidation(() -> component);
    }

    private Validation<Seq<Problem>, JsonNode> previousInfo(ProvisioningRequest request, Component component) {
        Optional<String> enriched = request.latestEnrichedDescriptor().filter(text -> !text.isBlank());
        if (enriched.isEmpty()) {
            return Validations.valid(MissingNode.getInstance());
        }
        return yaml.parseReadOnly(enriched.get(), "latestEnrichedDescriptor").map(root -> {
            JsonNode dataProduct = root.has("dataProduct") ? root.path("dataProduct") : root;
            for (JsonNode candidate : dataProduct.path("components")) {
                if (component.id().equals(candidate.path("id").asText(null))) {
                    return candidate.path("info");
                }
            }
            return MissingNode.getInstance();
        });
    }

    /**
     * A data product and the component selected in it.
     *
     * @param dataProduct the data product
     * @param component the selected component
     */
    public record Located(DataProduct dataProduct, Component component) {}
}
