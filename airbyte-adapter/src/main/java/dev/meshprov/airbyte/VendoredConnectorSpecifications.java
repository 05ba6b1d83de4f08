package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.airbyte.ConnectorSpecification;
import dev.meshprov.core.airbyte.ConnectorSpecifications;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The specifications of the File source and the Snowflake destination as Airbyte publishes them, shipped with the
 * adapter ({@code vendor/airbyte/connectors/}, provenance in the test resources' {@code vendor/airbyte/README.md}),
 * each known by the {@code definitionId} of its connector's {@code metadata.yaml}. Read on first use, so that
 * start-up stays fast.
 */
final class VendoredConnectorSpecifications implements ConnectorSpecifications {

    static final String FOLDER = "vendor/airbyte/connectors/";
    static final String FILE_SPEC = FOLDER + "source-file/cloud_spec.json";
    static final String FILE_METADATA = FOLDER + "source-file/metadata.yaml";
    static final String SNOWFLAKE_SPEC = FOLDER + "destination-snowflake/expected-spec-oss.json";
    static final String SNOWFLAKE_METADATA = FOLDER + "destination-snowflake/metadata.yaml";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = new YAMLMapper();

    /** The two specifications, read once per process. */
    private static final class Loaded {
        static final Vendored FILE = read(FILE_SPEC, FILE_METADATA, "the source-file specification");
        static final Vendored SNOWFLAKE =
                read(SNOWFLAKE_SPEC, SNOWFLAKE_METADATA, "the destination-snowflake specification");
        static final Map<String, Vendored> BY_DEFINITION =
                Map.of(FILE.definitionId(), FILE, SNOWFLAKE.definitionId(), SNOWFLAKE);
    }

    /** One vendored connector: its definition id and its specification. */
    record Vendored(String definitionId, JsonSchemaSpecification specification) {}

    @Override
    public Optional<ConnectorSpecification> forDefinition(String definitionId) {
        return Optional.ofNullable(Loaded.BY_DEFINITION.get(definitionId.toLowerCase(java.util.Locale.ROOT)))
                .map(Vendored::specification);
    }

    /** The File source's. */
    static Vendored file() {
        return Loaded.FILE;
    }

    /** The Snowflake destination's. */
    static Vendored snowflake() {
        return Loaded.SNOWFLAKE;
    }

    private static Vendored read(String spec, String metadata, String name) {
        JsonNode definitionId = tree(YAML, metadata).path("data").path("definitionId");
        JsonNode schema = tree(JSON, spec).path("connectionSpecification");
        if (!definitionId.isTextual() || !schema.isObject()) {
            throw new IllegalStateException(metadata + " or " + spec + " is not a connector's metadata and spec");
        }
        return new Vendored(definitionId.asText(), new JsonSchemaSpecification(name, schema));
    }

    private static JsonNode tree(ObjectMapper mapper, String resource) {
        try (InputStream in =
                VendoredConnectorSpecifications.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
