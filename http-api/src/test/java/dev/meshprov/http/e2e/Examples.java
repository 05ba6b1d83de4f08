package dev.meshprov.http.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example files at the repository root ({@code examples/}), which these tests use unchanged: tests run in the
 * module directory, so they are found at {@code ../examples}.
 */
final class Examples {

    private static final Path ROOT = Path.of("..", "examples");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private Examples() {}

    /** An example file, e.g. {@code airflow/cashflow_daily.py}. */
    static Path file(String name) {
        Path file = ROOT.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "example " + file.toAbsolutePath().normalize() + " not found; run the tests from the module");
        }
        return file;
    }

    static String text(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example {@code ProvisioningRequest} body, e.g. {@code mwaa-provision-request.json}. */
    static JsonNode request(String name) {
        return json(text(name));
    }

    /**
     * {@code request} with the info a previous run of {@code componentId} returned in {@code status}, as the
     * coordinator sends it back ({@code latestEnrichedDescriptor}).
     */
    static JsonNode withPreviousInfo(JsonNode request, String componentId, JsonNode status) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode component = nodes.objectNode().put("id", componentId);
        component.set("info", status.path("info"));
        ObjectNode enriched = nodes.objectNode();
        enriched.putObject("dataProduct").putArray("components").add(component);
        ObjectNode copy = request.deepCopy();
        copy.put("latestEnrichedDescriptor", enriched.toString());
        return copy;
    }

    /** The {@code dataProduct} of the component descriptor a {@code ProvisioningRequest} carries. */
    static JsonNode dataProductOf(JsonNode request) {
        return yaml(request.path("descriptor").asText()).path("dataProduct");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
