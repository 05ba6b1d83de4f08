package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports an existing Airbyte connection (by id or name) with its source and destination as the component's
 * {@code spec.mesh.specific}. Secrets are removed: secret-looking keys, values Airbyte masks, values holding a known
 * secret, and everything the server injects itself (Snowflake host, role, warehouse, username, credentials).
 */
final class ReverseImporter {

    static final String UPDATE_KEY = "spec.mesh.specific";
    private static final String CONNECTION_ID = "connectionId";
    private static final String CONNECTION_NAME = "connectionName";
    private static final List<String> SNOWFLAKE_INJECTED = List.of(
            "host", "role", "warehouse", "username", SnowflakeSettings.CREDENTIALS, SnowflakeSettings.LOADING_METHOD);

    private final AirbyteSettings settings;
    private final AirbyteGateway gateway;
    private final EntityFinder finder;
    private final Redactor redactor;

    ReverseImporter(AirbyteSettings settings, AirbyteGateway gateway, Redactor redactor) {
        this.settings = settings;
        this.gateway = gateway;
        this.finder = new EntityFinder(gateway);
        this.redactor = redactor;
    }

    Validation<Seq<Problem>, ReverseProvisioningResult> reverse(ReverseProvisioningRequest request, OperationLog log) {
        Optional<String> environment = Optional.of(request.environment()).filter(e -> !e.isBlank());
        String workspaceId = settings.workspaceFor(environment);
        return target(request.params()).flatMap(target -> {
            Either<Problem, ReverseProvisioningResult> result = connection(target, workspaceId)
                    .flatMap(connection -> connector(ConnectorKind.SOURCE, connection.sourceId())
                            .flatMap(source -> connector(ConnectorKind.DESTINATION, connection.destinationId())
                                    .map(destination -> {
                                        log.info(
                                                "reverse",
                                                "Read connection '" + connection.name() + "' ("
                                                        + connection.id() + "), source '" + source.name()
                                                        + "' and destination '" + destination.name() + "'");
                                        ObjectNode specific = specific(connection, source, destination, log);
                                        return new ReverseProvisioningResult(Map.of(UPDATE_KEY, Jsons.toMap(specific)));
                                    })));
            return result.fold(Validations::invalid, Validations::valid);
        });
    }

    /** Which connection to import: {@code params.connectionId} or {@code params.connectionName}. */
    private static Validation<Seq<Problem>, Target> target(JsonNode params) {
        String fix = "Pass params.connectionId (the UUID in the Airbyte connection URL) or params.connectionName.";
        if (!params.isObject()) {
            return Validations.invalid(
                    Problem.of("params", "must be an object with connectionId or connectionName", fix));
        }
        FieldReader reader = FieldReader.of(params, "params");
        ProblemList problems = new ProblemList();
        Optional<String> id = problems.take(reader.optionalText(CONNECTION_ID, fix), Optional.empty());
        Optional<String> name = problems.take(reader.optionalText(CONNECTION_NAME, fix), Optional.empty());
        if (problems.isEmpty() && id.isPresent() == name.isPresent()) {
            problems.add(Problem.of(
                    "params",
                    id.isPresent()
                            ? "has both connectionId and connectionName; give one"
                            : "names no connection (connectionId or connectionName)",
                    fix));
        }
        if (id.isPresent() && !Identifiers.isUuid(id.get())) {
            problems.add(reader.problem(CONNECTION_ID, "is '" + id.get() + "', which is not a UUID", fix));
        }
        return problems.toValidation(() -> new Target(id, name));
    }

    private Either<Problem, Connection> connection(Target target, String workspaceId) {
        if (target.id().isPresent()) {
            String id = target.id().get();
            return gateway.findConnection(id)
                    .mapLeft(failure -> upstream(failure))
                    .flatMap(found -> found.<Either<Problem, Connection>>map(Either::right)
                            .orElseGet(() -> Either.left(Problem.of(
                                    "params." + CONNECTION_ID,
                                    "is " + id + ", but Airbyte has no connection with that id",
                                    "Copy the id from the connection's URL in the Airbyte UI."))));
        }
        String name = target.name().orElseThrow();
        return finder.connectionNamed(workspaceId, name)
                .mapLeft(failure -> failure instanceof UpstreamFailure.Conflict
                        ? Problem.of(
                                "params." + CONNECTION_NAME, failure.detail(), "Pass params.connectionId to pick one.")
                        : upstream(failure))
                .flatMap(found -> found.<Either<Problem, Connection>>map(Either::right)
                        .orElseGet(() -> Either.left(Problem.of(
                                "params." + CONNECTION_NAME,
                                "is '" + name + "', but workspace " + workspaceId + " has no connection with that name",
                                "Check the name in the Airbyte UI, or pass params.connectionId."))));
    }

    private Either<Problem, Connector> connector(ConnectorKind kind, String id) {
        return gateway.findConnector(kind, id)
                .mapLeft(ReverseImporter::upstream)
                .flatMap(found -> found.<Either<Problem, Connector>>map(Either::right)
                        .orElseGet(() -> Either.left(upstream(new UpstreamFailure.NotFound(
                                Reconciliation.SYSTEM,
                                "read " + kind.label() + " " + id,
                                "the connection refers to " + kind.label() + " " + id + ", which does not exist")))));
    }

    private static Problem upstream(UpstreamFailure failure) {
        return Problem.upstream(
                "params", failure, "Check that Airbyte is reachable and that meshprov's credentials can read it.");
    }

    private ObjectNode specific(Connection connection, Connector source, Connector destination, OperationLog log) {
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

    /** The connection asked for. */
    private record Target(Optional<String> id, Optional<String> name) {}
}
