package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.testing.TestRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Shared test data of the Airbyte technology: workspaces, settings with canary secrets, connector configurations the
 * connectors accept, and descriptors read from the fixtures under {@code airbyte/}, optionally changed field by
 * field.
 */
public final class AirbyteTestData {

    public static final String WORKSPACE = "5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6";
    public static final String PRODUCTION_WORKSPACE = "9b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    public static final String UI_URL = "http://airbyte.example.org:8000";
    /** The Snowflake password of the test settings; must never appear in any output. */
    public static final String SNOWFLAKE_PASSWORD = "Sn0wflake-Canary-Pa55word!";
    /** A Snowflake private key (not a real one); must never appear in any output. */
    public static final String SNOWFLAKE_PRIVATE_KEY =
            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCCanaryKeyMaterial\n-----END PRIVATE KEY-----";

    public static final String TEMPLATE = "airbyte/template-component.yaml";
    public static final String EXTENDED = "airbyte/extended-component.yaml";
    public static final String OTHER_CONNECTORS = "airbyte/other-connectors-component.yaml";
    public static final String COLLIDING_NAMES = "airbyte/colliding-names-component.yaml";

    private static final ObjectMapper YAML = new YAMLMapper();

    private AirbyteTestData() {}

    /** The Snowflake settings of a typical installation, with the canary password. */
    public static SnowflakeSettings snowflake() {
        return snowflake(Optional.of(SNOWFLAKE_PASSWORD), Optional.empty());
    }

    /** The typical Snowflake settings with these credentials instead of the canary password. */
    public static SnowflakeSettings snowflake(Optional<String> password, Optional<String> privateKey) {
        return snowflake("acme.snowflakecomputing.com", password, privateKey);
    }

    /** The typical Snowflake settings, with the canary password, on another account host. */
    public static SnowflakeSettings snowflakeOnHost(String host) {
        return snowflake(host, Optional.of(SNOWFLAKE_PASSWORD), Optional.empty());
    }

    private static SnowflakeSettings snowflake(String host, Optional<String> password, Optional<String> privateKey) {
        return new SnowflakeSettings(
                Optional.of(host),
                Optional.of("AIRBYTE_ROLE"),
                Optional.of("AIRBYTE_WH"),
                Optional.of("AIRBYTE_USER"),
                password,
                privateKey,
                Optional.empty(),
                Optional.empty());
    }

    /** Settings with the default workspace, a production override and the canary Snowflake settings. */
    public static AirbyteSettings settings() {
        return AirbyteSettings.defaults(WORKSPACE, UI_URL)
                .withSnowflake(snowflake())
                .withWorkspaces(Map.of("production", PRODUCTION_WORKSPACE));
    }

    /** A File source configuration that reads a CSV file over HTTPS into stream {@code dataset}. */
    public static ObjectNode fileConfiguration(String dataset) {
        ObjectNode configuration = Jsons.object()
                .put("url", "https://example.org/data.csv")
                .put("format", "csv")
                .put("dataset_name", dataset);
        configuration.putObject("provider").put("storage", "HTTPS").put("user_agent", false);
        return configuration;
    }

    /** A File source of the public catalog's definition, named {@code name}, reading into stream {@code dataset}. */
    public static ConnectorSpec fileSource(String name, String dataset) {
        return new ConnectorSpec(
                name,
                Optional.of(AirbyteSettings.DEFAULT_FILE_DEFINITION_ID),
                Optional.empty(),
                fileConfiguration(dataset));
    }

    /** A complete Snowflake destination configuration (key-pair credentials), as the connector requires. */
    public static ObjectNode snowflakeConfiguration() {
        ObjectNode configuration = Jsons.object()
                .put("host", "acme.snowflakecomputing.com")
                .put("role", "AIRBYTE_ROLE")
                .put("warehouse", "AIRBYTE_WH")
                .put("database", "DB")
                .put("schema", "S")
                .put("username", "AIRBYTE_USER");
        configuration
                .putObject("credentials")
                .put("auth_type", "Key Pair Authentication")
                .put("private_key", "-----BEGIN PRIVATE KEY-----\nContractKey\n-----END PRIVATE KEY-----");
        return configuration;
    }

    /** A Snowflake destination of the public catalog's definition, named {@code name}. */
    public static ConnectorSpec snowflakeDestination(String name) {
        return new ConnectorSpec(
                name,
                Optional.of(AirbyteSettings.DEFAULT_SNOWFLAKE_DEFINITION_ID),
                Optional.empty(),
                snowflakeConfiguration());
    }

    /** A descriptor fixture, to change before use. */
    public static Descriptor descriptor(String resource) {
        try {
            return new Descriptor((ObjectNode) YAML.readTree(TestRequests.resource(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request for an unchanged fixture. */
    public static ComponentRequest request(String resource) {
        return descriptor(resource).request();
    }

    /** A component descriptor whose selected component's fields can be changed by dotted path. */
    public static final class Descriptor {
        private final ObjectNode root;
        private JsonNode previousInfo = MissingNode.getInstance();
        private boolean removeData;

        private Descriptor(ObjectNode root) {
            this.root = root;
        }

        /** Sets a field of the selected component, e.g. {@code specific.source.name}, to a YAML value. */
        public Descriptor set(String path, String yamlValue) {
            try {
                parentOf(component(), path).set(last(path), YAML.readTree(yamlValue));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sets a field of the data product itself, e.g. {@code name}. */
        public Descriptor setDataProduct(String field, String yamlValue) {
            try {
                ((ObjectNode) root.path("dataProduct")).set(field, YAML.readTree(yamlValue));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Removes a field of the selected component. */
        public Descriptor remove(String path) {
            ObjectNode parent = parentOf(component(), path);
            parent.remove(last(path));
            return this;
        }

        /** Removes a field of the data product itself. */
        public Descriptor removeFromDataProduct(String field) {
            ((ObjectNode) root.path("dataProduct")).remove(field);
            return this;
        }

        /** What the previous run recorded, as {@code info.privateInfo}. */
        public Descriptor previousPrivateInfo(Map<String, String> privateInfo) {
            ObjectNode info = YAML.createObjectNode();
            ObjectNode values = info.putObject("privateInfo");
            privateInfo.forEach(values::put);
            this.previousInfo = info;
            return this;
        }

        public Descriptor removeData(boolean removeData) {
            this.removeData = removeData;
            return this;
        }

        /** The descriptor as text (JSON, which is YAML too). */
        public String text() {
            return root.toString();
        }

        public ComponentRequest request() {
            ComponentRequest parsed = TestRequests.componentRequest(root.toString());
            return new ComponentRequest(parsed.dataProduct(), parsed.component(), removeData, previousInfo);
        }

        private ObjectNode component() {
            String id = root.path("componentIdToProvision").asText();
            for (JsonNode component : root.path("dataProduct").path("components")) {
                if (component.path("id").asText().equals(id)) {
                    return (ObjectNode) component;
                }
            }
            throw new IllegalStateException("fixture has no component " + id);
        }

        private static ObjectNode parentOf(ObjectNode start, String path) {
            String[] parts = path.split("\\.");
            ObjectNode node = start;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = node.path(parts[i]);
                node = child.isObject() ? (ObjectNode) child : node.putObject(parts[i]);
            }
            return node;
        }

        private static String last(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }
}
