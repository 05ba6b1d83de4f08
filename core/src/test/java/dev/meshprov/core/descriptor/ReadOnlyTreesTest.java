package dev.meshprov.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.testing.TestRequests;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard on shared trees: a tree from {@link SafeYaml#parseReadOnly} (which a cached parser hands to every caller
 * of the same text, and {@link DescriptorParser} to every technology) refuses every change, however it is
 * attempted, so that no caller can change what another caller reads; a copy is the caller's own.
 */
class ReadOnlyTreesTest {

    private static final String TEXT =
            """
            dataProduct:
              name: cashflow
              components: [{id: a, kind: workload, specific: {x: 1}}, {id: b}]
            componentIdToProvision: a
            """;

    /** Every way of changing a map or list node that Jackson offers, or that its iterators and entries allow. */
    private static final List<Consumer<JsonNode>> CHANGES = List.of(
            tree -> ((ObjectNode) tree).put("name", "changed"),
            tree -> ((ObjectNode) tree).set("new", TextNode.valueOf("x")),
            tree -> ((ObjectNode) tree).remove("name"),
            tree -> ((ObjectNode) tree).removeAll(),
            tree -> ((ObjectNode) tree).putObject("o"),
            tree -> ((ObjectNode) tree).withArray("/list"),
            tree -> ((ObjectNode) tree).retain("name"),
            tree -> {
                var fields = tree.fields();
                fields.next();
                fields.remove();
            },
            tree -> tree.fields().next().setValue(TextNode.valueOf("x")),
            tree -> ((ObjectNode) tree).properties().clear(),
            tree -> tree.fieldNames().forEachRemaining(name -> ((ObjectNode) tree).remove(name)),
            tree -> ((ArrayNode) tree.path("components")).add("x"),
            tree -> ((ArrayNode) tree.path("components")).remove(0),
            tree -> ((ArrayNode) tree.path("components")).set(0, TextNode.valueOf("x")),
            tree -> ((ArrayNode) tree.path("components")).removeAll(),
            tree -> {
                var elements = tree.path("components").elements();
                elements.next();
                elements.remove();
            },
            tree -> ((ObjectNode) tree.path("components").path(0).path("specific")).put("x", 2));

    private static void assertRefusesEveryChange(JsonNode root, String snapshot) {
        JsonNode dataProduct = root.path("dataProduct");
        for (int i = 0; i < CHANGES.size(); i++) {
            Consumer<JsonNode> change = CHANGES.get(i);
            assertThatThrownBy(() -> change.accept(dataProduct))
                    .as("change %d", i)
                    .isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(PlainYamlReaderTest.strict(root)).isEqualTo(snapshot);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain reader", "snakeyaml"})
    void aReadOnlyTreeRefusesEveryChange(String path) {
        String text = path.equals("snakeyaml") ? TEXT.replace("dataProduct:", "dataProduct: &dp") : TEXT;
        JsonNode root =
                SafeYaml.withDefaults().parseReadOnly(text, "descriptor").get();
        assertThat(PlainYamlReader.read(text, YamlLimits.defaults(), TreeNodes.READ_ONLY) != null)
                .as("read by the plain reader")
                .isEqualTo(path.equals("plain reader"));

        assertRefusesEveryChange(
                root,
                PlainYamlReaderTest.strict(
                        SafeYaml.withDefaults().parse(text, "d").get()));
    }

    @Test
    void aCachedParserSharesOneReadOnlyTreeAndCopiesItForParse() {
        SafeYaml cached = SafeYaml.cached(YamlLimits.defaults());
        JsonNode shared = cached.parseReadOnly(TEXT, "descriptor").get();
        String snapshot = PlainYamlReaderTest.strict(shared);

        assertThat(cached.parseReadOnly(TEXT, "descriptor").get()).isSameAs(shared);
        assertRefusesEveryChange(cached.parseReadOnly(TEXT, "descriptor").get(), snapshot);
        JsonNode own = cached.parse(TEXT, "descriptor").get();
        ((ObjectNode) own.path("dataProduct")).put("name", "changed");
        ((ArrayNode) own.path("dataProduct").path("components")).removeAll();
        assertThat(PlainYamlReaderTest.strict(
                        cached.parseReadOnly(TEXT, "descriptor").get()))
                .isEqualTo(snapshot);
    }

    @Test
    void aCopyOfAReadOnlyTreeIsTheCallersToChange() {
        JsonNode copy =
                SafeYaml.withDefaults().parseReadOnly(TEXT, "descriptor").get().deepCopy();

        ((ObjectNode) copy.path("dataProduct")).put("name", "changed");
        ((ArrayNode) copy.path("dataProduct").path("components")).add("x");

        assertThat(copy.path("dataProduct").path("name").asText()).isEqualTo("changed");
        assertThat(copy.path("dataProduct").path("components")).hasSize(3);
    }

    @Test
    void technologiesReadTheComponentFromAReadOnlyTree() {
        ComponentRequest request = TestRequests.parse(ProvisioningRequest.ofComponentDescriptor(TEXT, false))
                .get();

        assertThatThrownBy(() -> ((ObjectNode) request.component().specific()).put("x", 2))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((ObjectNode) request.dataProduct().node()).remove("name"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(request.component().specific())
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("x", 1)));
    }
}
