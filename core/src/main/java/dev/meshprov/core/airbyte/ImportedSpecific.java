package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.secret.Redactor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An imported connection, its source and its destination written as a component's {@code specific} section. Secrets
 * are left out: secret-looking keys, values Airbyte masks, values holding a known secret, and everything the server
 * injects itself (Snowflake host, role, warehouse, username, credentials); the defaults (File and Snowflake
 * definitions, the File reader options) are left implicit, as a descriptor would leave them.
 */
final class ImportedSpecific {

    private static final List<String> SNOWFLAKE_INJECTED = List.of(
            "host", "role", "warehouse", "username", SnowflakeSettings.CREDENTIALS, SnowflakeSettings.LOADING_METHOD);

    private final AirbyteSettings settings;
    private final Redactor redactor;

    ImportedSpecific(AirbyteSettings settings, Redactor redactor) {
        this.settings = settings;
        this.redactor = redactor;
    }

    /** The {@code specific} section of {@code connection} from {@code source} to {@code destination}. */
    ObjectNode of(Connection connection, Connector source, Connector destination, OperationLog log) {
        ObjectNode specific = Jsons.object();
        boolean file = isDefault(source, settings.fileDefinitionId(), FileSourceRules.TYPE);
        ObjectNode sourceConfiguration = clean("source", source.configuration(), List.of(), log);
        if (file && sourceConfiguration.path("reader_options").asText("").equals(settings.fileReaderOptions())) {
            sourceConfiguration.remove("reader_options");
        }
        specific.set("source", section(source, sourceConfiguration, file));
        boolean snowflake = isDefault(destination, settings.snowflakeDefinitionId(), SnowflakeDestinationRules.TYPE);
        ObjectNode destinationConfiguration =
                clean("destination", destination.configuration(), snowflake ? SNOWFLAKE_INJECTED : List.of(), log);
        specific.set("destination", section(destination, destinationConfiguration, snowflake));
        specific.set("connection", connectionSection(connection));
        return specific;
    }

    private static boolean isDefault(Connector connector, String defaultDefinitionId, String defaultType) {
        return connector
                        .definitionId()
                        .map(defaultDefinitionId::equalsIgnoreCase)
                        .orElse(false)
                || connector.connectorType().map(defaultType::equalsIgnoreCase).orElse(false);
    }

    private static ObjectNode section(Connector connector, ObjectNode configuration, boolean defaultConnector) {
        ObjectNode section = Jsons.object();
        section.put("name", connector.name());
        if (!defaultConnector) {
            if (connector.definitionId().isPresent()) {
                section.put("definitionId", connector.definitionId().get());
            } else {
                connector
                        .connectorType()
                        .ifPresent(type -> section.put(connector.kind().typeKey(), type));
            }
        }
        section.set("connectionConfiguration", configuration);
        return section;
    }

    private ObjectNode clean(String phase, JsonNode configuration, List<String> injected, OperationLog log) {
        List<String> removed = new ArrayList<>();
        ObjectNode copy = configuration.isObject() ? ((ObjectNode) configuration).deepCopy() : Jsons.object();
        injected.forEach(key -> {
            if (copy.remove(key) != null) {
                removed.add(key + " (set by the server)");
            }
        });
        copy.remove("sourceType");
        copy.remove("destinationType");
        strip("", copy, removed);
        if (!removed.isEmpty()) {
            log.info(phase, "Left out of the " + phase + " configuration: " + String.join(", ", removed));
        }
        return copy;
    }

    /** Removes secret-looking keys, masked values and values holding a known secret, recursively. */
    private void strip(String prefix, JsonNode node, List<String> removed) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = prefix + field.getKey();
                if (Redactor.isSecretKey(field.getKey()) || isSecretValue(field.getValue())) {
                    fields.remove();
                    removed.add(path + " (secret)");
                } else {
                    strip(path + ".", field.getValue(), removed);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                strip(prefix, element, removed);
            }
        }
    }

    private boolean isSecretValue(JsonNode value) {
        return Jsons.isMasked(value)
                || value.isTextual() && !redactor.redact(value.asText()).equals(value.asText());
    }

    private static ObjectNode connectionSection(Connection connection) {
        ObjectNode section = Jsons.object();
        section.put("name", connection.name());
        ObjectNode schedule = section.putObject("schedule");
        Schedule observed = connection.schedule();
        if (observed.type().equals(Schedule.CRON) && observed.cronExpression().isPresent()) {
            schedule.put("type", Schedule.CRON);
            ScheduleCron.read(observed.cronExpression().get())
                    .fold(
                            problem -> schedule.put(
                                    "cronExpression", observed.cronExpression().get()),
                            parsed -> {
                                schedule.put("cronExpression", parsed.fields());
                                return schedule.put(
                                        "timeZone", parsed.timeZone().orElse(ScheduleCron.UTC));
                            });
        } else {
            schedule.put("type", Schedule.MANUAL);
        }
        ArrayNode streams = section.putArray("streams");
        for (StreamConfig stream : connection.streams()) {
            ObjectNode element = streams.addObject();
            element.put("name", stream.name());
            element.put("syncMode", stream.syncMode());
            if (!stream.cursorField().isEmpty()) {
                stream.cursorField().forEach(element.putArray("cursorField")::add);
            }
            if (!stream.primaryKey().isEmpty()) {
                ArrayNode key = element.putArray("primaryKey");
                stream.primaryKey().forEach(path -> path.forEach(key.addArray()::add));
            }
        }
        connection.namespaceDefinition().ifPresent(value -> section.put("namespaceDefinition", value));
        connection.namespaceFormat().ifPresent(value -> section.put("namespaceFormat", value));
        if (ConnectionRules.STATUSES.contains(connection.status())) {
            section.put("status", connection.status());
        }
        return section;
    }
}
