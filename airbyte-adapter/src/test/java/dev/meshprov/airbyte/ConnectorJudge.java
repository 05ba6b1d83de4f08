package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A connector as the Airbyte server knows it from its vendored specification: what the server says of a
 * configuration that breaks the {@code connectionSpecification} (as airbyte-platform's {@code JsonSchemaValidator}
 * does, draft 07), which fields are secrets ({@code airbyte_secret}, masked in answers), and the connector's
 * public-API type name. The test's own reading, independent of the adapter's.
 */
final class ConnectorJudge {

    private static final String FOLDER = "vendor/airbyte/connectors/";

    private static final class Known {
        static final ConnectorJudge FILE = read("source-file/cloud_spec.json", "source-file/metadata.yaml", "file");
        static final ConnectorJudge SNOWFLAKE = read(
                "destination-snowflake/expected-spec-oss.json", "destination-snowflake/metadata.yaml", "snowflake");
        static final Map<String, ConnectorJudge> BY_DEFINITION =
                Map.of(FILE.definitionId, FILE, SNOWFLAKE.definitionId, SNOWFLAKE);
    }

    private final String definitionId;
    private final String typeName;
    private final JsonSchema schema;
    private final Set<String> secrets;

    private ConnectorJudge(String definitionId, String typeName, JsonNode specification) {
        this.definitionId = definitionId;
        this.typeName = typeName;
        this.schema = AirbyteContract.SCHEMAS.getSchema(specification);
        this.secrets = new TreeSet<>();
        collectSecrets("", specification, secrets);
    }

    /** The judge of the vendored connector with this definition id, if it is one of the two. */
    static Optional<ConnectorJudge> forDefinition(String definitionId) {
        return Optional.ofNullable(Known.BY_DEFINITION.get(definitionId));
    }

    static ConnectorJudge file() {
        return Known.FILE;
    }

    static ConnectorJudge snowflake() {
        return Known.SNOWFLAKE;
    }

    String definitionId() {
        return definitionId;
    }

    /** The type name the public API answers for this definition ({@code DEFINITION_ID_TO_*_NAME}). */
    String typeName() {
        return typeName;
    }

    /**
     * Airbyte's 422 message for a configuration that breaks the specification ({@code JsonValidationException}'s
     * text before its schema part), or empty when it keeps it.
     */
    Optional<String> refusal(JsonNode configuration) {
        Set<ValidationMessage> messages = schema.validate(configuration);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("json schema validation failed when comparing the data to the json schema. \nErrors: "
                + String.join(
                        ", ",
                        messages.stream().map(ValidationMessage::getMessage).toList()) + " ");
    }

    /** Whether the field at a JSON Pointer is a secret of the specification. */
    Predicate<String> secret() {
        return secrets::contains;
    }

    private static void collectSecrets(String prefix, JsonNode schema, Set<String> into) {
        Iterator<Map.Entry<String, JsonNode>> properties =
                schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String pointer = prefix + "/" + property.getKey();
            if (property.getValue().path("airbyte_secret").asBoolean(false)) {
                into.add(pointer);
            }
            collectSecrets(pointer, property.getValue(), into);
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            schema.path(combinator).forEach(branch -> collectSecrets(prefix, branch, into));
        }
    }

    private static ConnectorJudge read(String spec, String metadata, String typeName) {
        try (InputStream specIn = AirbyteContract.resource(FOLDER + spec);
                InputStream metadataIn = AirbyteContract.resource(FOLDER + metadata)) {
            JsonNode specification =
                    JsonMapper.builder().build().readTree(specIn).path("connectionSpecification");
            String definitionId = new YAMLMapper()
                    .readTree(metadataIn)
                    .path("data")
                    .path("definitionId")
                    .asText();
            return new ConnectorJudge(definitionId, typeName, specification);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
