package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.airbyte.DiscoveredStream;
import dev.meshprov.core.airbyte.InMemoryAirbyteGateway;
import dev.meshprov.core.airbyte.StoredConfigurations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What the local Airbyte server does with a request its contract accepts, as airbyte-platform's public API handlers
 * do (read in its code; see docs/vendor-contracts/airbyte.md): entities keyed by UUID, lists paginated with
 * {@code next}/{@code previous} links as {@code PaginationMapper} builds them, configurations checked against the
 * connector's vendored specification on create, PATCH (merged first) and PUT (replaced first), secrets masked in
 * answers, schedules checked as {@code AirbyteCatalogHelper} does and stored without their {@code UTC}, problem bodies
 * from the vendored problems document. Not thread-safe: the server calls it under its lock.
 */
final class FakeAirbyteApi {

    /** The type names the public API maps to definition ids (a few of {@code NameToDefinitionMapper}'s). */
    private static final Map<String, String> SOURCE_TYPES =
            Map.of("file", "778daa7c-feaf-4db6-96f3-70fd645acc77", "postgres", "decd338e-5647-4c0b-adf4-da0e75f5a750");

    private static final Map<String, String> DESTINATION_TYPES = Map.of(
            "snowflake", "424892c4-daac-4491-b35d-c6688ba547ba",
            "postgres", "25c5221d-dce2-4163-ade9-739ef790f503",
            "bigquery", "22f6c74f-5699-40ff-833c-4a879ea40133");

    /** An answer, and whether it refuses what the client sent (a break of the server's rules by the client). */
    record Answer(int status, JsonNode body, Map<String, String> headers, Optional<String> refusal) {
        static Answer of(int status, JsonNode body) {
            return new Answer(status, body, Map.of(), Optional.empty());
        }

        static Answer refusing(int status, JsonNode body, String why) {
            return new Answer(status, body, Map.of(), Optional.of(why));
        }
    }

    enum Auth {
        NONE,
        BASIC,
        BEARER,
        CLIENT_CREDENTIALS
    }

    private final ObjectMapper json = JsonMapper.builder().build();
    private final AirbyteContract contract = AirbyteContract.get();
    private final String apiUrl;
    private final Map<String, String> workspaces = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> entities = new HashMap<>();
    private final Set<String> runningSyncs = new HashSet<>();
    private final AtomicLong jobIds = new AtomicLong(1000);
    private final Map<String, Instant> tokens = new HashMap<>();

    private Auth auth = Auth.NONE;
    private String secretA;
    private String secretB;
    private long tokenLifetimeSeconds = 180;
    private int maxPageSize = 100;

    FakeAirbyteApi(String apiUrl) {
        this.apiUrl = apiUrl;
        for (String collection : List.of("sources", "destinations", "connections")) {
            entities.put(collection, new LinkedHashMap<>());
        }
    }

    // ------------------------------------------------------------------ set-up and inspection

    void workspace(String id, String name) {
        workspaces.put(id, name);
    }

    void requireAuth(Auth auth, String secretA, String secretB, long tokenLifetimeSeconds) {
        this.auth = auth;
        this.secretA = secretA;
        this.secretB = secretB;
        this.tokenLifetimeSeconds = tokenLifetimeSeconds;
    }

    void expireTokens() {
        tokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    void maxPageSize(int size) {
        this.maxPageSize = size;
    }

    String seed(String collection, String workspaceId, String name, ObjectNode configuration) {
        String id = UUID.randomUUID().toString();
        ObjectNode entity = json.createObjectNode();
        entity.put(idKey(collection), id).put("name", name).put("workspaceId", workspaceId);
        entity.put("definitionId", UUID.randomUUID().toString());
        entity.set("configuration", configuration.deepCopy());
        entity.put("createdAt", Instant.now().getEpochSecond());
        entities.get(collection).put(id, entity);
        return id;
    }

    void removeDirectly(String collection, String id) {
        entities.get(collection).remove(id);
    }

    /** The stored entities as the server keeps them: configurations unmasked, schedules without their time zone. */
    List<ObjectNode> stored(String collection) {
        return entities.get(collection).values().stream()
                .map(ObjectNode::deepCopy)
                .toList();
    }

    // ------------------------------------------------------------------ routing

    /** The answer to a request the contract accepts; {@code path} is below {@code /api/public}. */
    Answer route(String method, String path, Map<String, String> params, JsonNode request, String authorization) {
        if (path.equals("/v1/applications/token") && method.equals("POST")) {
            return token(request);
        }
        if (!authorized(authorization)) {
            return Answer.of(401, contract.problem("InvalidApiKeyProblemResponse", null, null));
        }
        String[] parts = path.substring(1).split("/");
        String collection = parts.length > 1 ? parts[1] : "";
        Optional<String> id = parts.length > 2 ? Optional.of(parts[2]) : Optional.empty();
        return switch (collection) {
            case "workspaces" -> workspace(id.orElse(""));
            case "sources", "destinations" -> connectors(method, collection, id, params, request);
            case "connections" -> connections(method, id, params, request);
            case "streams" -> streams(params);
            case "jobs" -> job(request);
            default -> unimplemented(method, path);
        };
    }

    /** An operation the contract has but this server does not implement: a 500 the server reports as its gap. */
    Answer unimplemented(String method, String path) {
        return new Answer(
                500,
                contract.problem("UnexpectedProblemResponse", "the local Airbyte server does not implement this", null),
                Map.of(),
                Optional.of("the local Airbyte server does not implement " + method + " " + path));
    }

    // ------------------------------------------------------------------ auth

    private Answer token(JsonNode request) {
        if (!request.path("client_id").asText().equals(secretA)
                || !request.path("client_secret").asText().equals(secretB)
                || auth != Auth.CLIENT_CREDENTIALS) {
            return Answer.of(401, contract.problem("InvalidApiKeyProblemResponse", null, null));
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, Instant.now().plusSeconds(tokenLifetimeSeconds));
        return Answer.of(
                200,
                json.createObjectNode()
                        .put("access_token", token)
                        .put("token_type", "Bearer")
                        .put("expires_in", tokenLifetimeSeconds));
    }

    private boolean authorized(String header) {
        return switch (auth) {
            case NONE -> true;
            case BEARER -> ("Bearer " + secretA).equals(header);
            case BASIC ->
                ("Basic "
                                + Base64.getEncoder()
                                        .encodeToString((secretA + ":" + secretB).getBytes(StandardCharsets.UTF_8)))
                        .equals(header);
            case CLIENT_CREDENTIALS ->
                header != null
                        && header.startsWith("Bearer ")
                        && Optional.ofNullable(tokens.get(header.substring(7)))
                                .filter(expiry -> expiry.isAfter(Instant.now()))
                                .isPresent();
        };
    }

    // ------------------------------------------------------------------ workspaces, sources, destinations

    private Answer workspace(String id) {
        String name = workspaces.get(id);
        if (name == null) {
            return notFound("workspace", id);
        }
        ObjectNode workspace =
                json.createObjectNode().put("workspaceId", id).put("name", name).put("dataResidency", "auto");
        workspace.putObject("notifications");
        return Answer.of(200, workspace);
    }

    private Answer connectors(
            String method, String collection, Optional<String> id, Map<String, String> params, JsonNode request) {
        Map<String, ObjectNode> store = entities.get(collection);
        if (id.isEmpty()) {
            return method.equals("GET") ? list(collection, params, this::view) : createConnector(collection, request);
        }
        ObjectNode entity = store.get(id.get());
        if (entity == null) {
            return notFound(singular(collection), id.get());
        }
        return switch (method) {
            case "GET" -> Answer.of(200, view(entity));
            case "PATCH", "PUT" -> updateConnector(collection, entity, method.equals("PUT"), request);
            default -> {
                store.remove(id.get());
                yield Answer.of(204, null);
            }
        };
    }

    private Answer createConnector(String collection, JsonNode request) {
        String workspaceId = request.path("workspaceId").asText();
        if (!workspaces.containsKey(workspaceId)) {
            return notFound("workspace", workspaceId);
        }
        String typeKey = typeKey(collection);
        ObjectNode configuration = ((ObjectNode) request.get("configuration")).deepCopy();
        String definitionId = request.path("definitionId").asText("");
        if (definitionId.isEmpty()) {
            Optional<JsonNode> type = Optional.ofNullable(configuration.findValue(typeKey));
            if (type.isEmpty()) {
                return Answer.refusing(
                        422,
                        contract.problem("UnprocessableEntityProblemResponse", null, null),
                        "neither definitionId nor configuration." + typeKey + " names the connector");
            }
            String name = type.get().asText();
            definitionId = types(collection).get(name);
            if (definitionId == null) {
                return Answer.refusing(
                        400,
                        contract.problem(
                                "UnknownValueProblemResponse",
                                null,
                                json.createObjectNode().put("value", name)),
                        "configuration." + typeKey + " '" + name + "' is no connector the public API knows");
            }
        }
        configuration.remove(typeKey);
        Optional<Answer> refused = refusal(definitionId, configuration);
        if (refused.isPresent()) {
            return refused.get();
        }
        String id = UUID.randomUUID().toString();
        ObjectNode entity = json.createObjectNode();
        entity.put(idKey(collection), id)
                .put("name", request.get("name").asText())
                .put("workspaceId", workspaceId);
        entity.put("definitionId", definitionId);
        entity.set("configuration", configuration);
        entity.put("createdAt", Instant.now().getEpochSecond());
        entities.get(collection).put(id, entity);
        return Answer.of(200, view(entity));
    }

    /** PATCH merges the configuration into the stored one, PUT replaces it; the result is checked as a create is. */
    private Answer updateConnector(String collection, ObjectNode entity, boolean put, JsonNode request) {
        JsonNode configuration = entity.get("configuration");
        if (request.hasNonNull("configuration")) {
            ObjectNode update = ((ObjectNode) request.get("configuration")).deepCopy();
            update.remove(typeKey(collection));
            configuration = put
                    ? StoredConfigurations.replace(configuration, update, secret(entity))
                    : StoredConfigurations.merge(configuration, update);
        }
        Optional<Answer> refused = refusal(entity.path("definitionId").asText(), configuration);
        if (refused.isPresent()) {
            return refused.get();
        }
        entity.set("configuration", configuration);
        if (request.hasNonNull("name")) {
            entity.put("name", request.get("name").asText());
        }
        return Answer.of(200, view(entity));
    }

    /** Airbyte's 422 for a configuration the connector's specification refuses. */
    private Optional<Answer> refusal(String definitionId, JsonNode configuration) {
        return ConnectorJudge.forDefinition(definitionId)
                .flatMap(judge -> judge.refusal(configuration))
                .map(message -> refusal(
                        422,
                        "UnprocessableEntityProblemResponse",
                        message,
                        "the connector's specification refuses the configuration: " + message));
    }

    /** A refusal with the document's problem {@code type}, whose data says {@code message}, recorded as {@code why}. */
    private Answer refusal(int status, String type, String message, String why) {
        return Answer.refusing(
                status, contract.problem(type, null, json.createObjectNode().put("message", message)), why);
    }

    /** An entity as the public API answers it: secrets masked, the type name of its definition. */
    private JsonNode view(ObjectNode entity) {
        ObjectNode copy = entity.deepCopy();
        copy.set("configuration", StoredConfigurations.masked(entity.path("configuration"), secret(entity)));
        String collection = entity.has("sourceId") ? "sources" : "destinations";
        String definitionId = entity.path("definitionId").asText();
        String name = types(collection).entrySet().stream()
                .filter(type -> type.getValue().equals(definitionId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("");
        copy.put(typeKey(collection), name);
        return copy;
    }

    private static Predicate<String> secret(ObjectNode entity) {
        return ConnectorJudge.forDefinition(entity.path("definitionId").asText())
                .map(ConnectorJudge::secret)
                .orElseGet(StoredConfigurations::secretByName);
    }

    // ------------------------------------------------------------------ connections, streams, jobs

    private Answer connections(String method, Optional<String> id, Map<String, String> params, JsonNode request) {
        Map<String, ObjectNode> store = entities.get("connections");
        if (id.isEmpty()) {
            return method.equals("GET") ? list("connections", params, this::connectionView) : createConnection(request);
        }
        ObjectNode connection = store.get(id.get());
        if (connection == null) {
            return notFound("connection", id.get());
        }
        return switch (method) {
            case "GET" -> Answer.of(200, connectionView(connection));
            case "PATCH" -> {
                Optional<Answer> refused = scheduleRefusal(request.path("schedule"));
                if (refused.isPresent()) {
                    yield refused.get();
                }
                for (String field : List.of("name", "namespaceDefinition", "namespaceFormat", "status")) {
                    if (request.hasNonNull(field)) {
                        connection.set(field, request.get(field).deepCopy());
                    }
                }
                if (request.hasNonNull("schedule")) {
                    connection.set("schedule", storedSchedule(request.get("schedule")));
                }
                if (request.hasNonNull("configurations")) {
                    connection.set("configurations", withStreamDefaults(request.get("configurations")));
                }
                yield Answer.of(200, connectionView(connection));
            }
            default -> {
                store.remove(id.get());
                runningSyncs.remove(id.get());
                yield Answer.of(204, null);
            }
        };
    }

    private Answer createConnection(JsonNode request) {
        ObjectNode source = entities.get("sources").get(request.path("sourceId").asText());
        if (source == null) {
            return notFound("source", request.path("sourceId").asText());
        }
        ObjectNode destination =
                entities.get("destinations").get(request.path("destinationId").asText());
        if (destination == null) {
            return notFound("destination", request.path("destinationId").asText());
        }
        Optional<Answer> refused = scheduleRefusal(request.path("schedule"));
        if (refused.isPresent()) {
            return refused.get();
        }
        String id = UUID.randomUUID().toString();
        ObjectNode connection = json.createObjectNode();
        connection.put("connectionId", id).put("name", request.path("name").asText("connection"));
        connection.put("sourceId", source.get("sourceId").asText());
        connection.put("destinationId", destination.get("destinationId").asText());
        connection.put("workspaceId", source.get("workspaceId").asText());
        connection.put("status", request.path("status").asText("active"));
        connection.set(
                "schedule",
                request.path("schedule").isObject()
                        ? storedSchedule(request.get("schedule"))
                        : json.createObjectNode().put("scheduleType", "manual"));
        ObjectNode configurations = json.createObjectNode();
        if (request.path("configurations").path("streams").isArray()) {
            configurations = withStreamDefaults(request.get("configurations"));
        } else {
            ArrayNode streams = configurations.putArray("streams");
            for (DiscoveredStream stream : InMemoryAirbyteGateway.discover(source.path("configuration"))) {
                streams.addObject().put("name", stream.name()).put("syncMode", "full_refresh_overwrite");
            }
            configurations = withStreamDefaults(configurations);
        }
        connection.set("configurations", configurations);
        connection.put(
                "namespaceDefinition", request.path("namespaceDefinition").asText("destination"));
        if (request.hasNonNull("namespaceFormat")) {
            connection.put("namespaceFormat", request.get("namespaceFormat").asText());
        }
        connection.put("nonBreakingSchemaUpdatesBehavior", "ignore");
        connection.put("createdAt", Instant.now().getEpochSecond());
        connection.putArray("tags");
        entities.get("connections").put(id, connection);
        return Answer.of(200, connectionView(connection));
    }

    /** A schedule as stored: a cron expression without the {@code UTC} the public API removes, in {@code UTC}. */
    private JsonNode storedSchedule(JsonNode schedule) {
        ObjectNode stored = json.createObjectNode()
                .put("scheduleType", schedule.path("scheduleType").asText());
        if (schedule.path("scheduleType").asText().equals("cron")) {
            stored.put(
                    "cronExpression",
                    ScheduleJudge.stored(schedule.path("cronExpression").asText()));
            stored.put("cronTimeZone", "UTC");
        }
        return stored;
    }

    /** A connection as the public API answers it: the cron expression followed by its time zone. */
    private JsonNode connectionView(ObjectNode connection) {
        ObjectNode copy = connection.deepCopy();
        JsonNode stored = connection.path("schedule");
        ObjectNode schedule = json.createObjectNode()
                .put("scheduleType", stored.path("scheduleType").asText());
        if (stored.has("cronExpression")) {
            schedule.put(
                    "cronExpression",
                    stored.get("cronExpression").asText() + " "
                            + stored.path("cronTimeZone").asText());
        }
        copy.set("schedule", schedule);
        return copy;
    }

    private Optional<Answer> scheduleRefusal(JsonNode schedule) {
        return ScheduleJudge.refusal(schedule)
                .map(message -> refusal(
                        400, "BadRequestProblemResponse", message, "the public API refuses the schedule: " + message));
    }

    /** Airbyte fills in the cursor and primary key of each configured stream. */
    private ObjectNode withStreamDefaults(JsonNode configurations) {
        ObjectNode copy = configurations.deepCopy();
        for (JsonNode stream : copy.path("streams")) {
            ObjectNode node = (ObjectNode) stream;
            if (!node.has("cursorField")) {
                node.putArray("cursorField");
            }
            if (!node.has("primaryKey")) {
                node.putArray("primaryKey");
            }
        }
        return copy;
    }

    private Answer streams(Map<String, String> params) {
        ObjectNode source = entities.get("sources").get(params.getOrDefault("sourceId", ""));
        if (source == null) {
            return notFound("source", params.getOrDefault("sourceId", ""));
        }
        String destinationId = params.getOrDefault("destinationId", "");
        if (!destinationId.isEmpty() && !entities.get("destinations").containsKey(destinationId)) {
            return notFound("destination", destinationId);
        }
        ArrayNode answer = json.createArrayNode();
        for (DiscoveredStream stream : InMemoryAirbyteGateway.discover(source.path("configuration"))) {
            ObjectNode properties = answer.addObject().put("streamName", stream.name());
            stream.syncModes().forEach(properties.putArray("syncModes")::add);
            properties.putArray("defaultCursorField");
            properties.put("sourceDefinedCursorField", false);
            properties.putArray("sourceDefinedPrimaryKey");
        }
        return Answer.of(200, answer);
    }

    private Answer job(JsonNode request) {
        String connectionId = request.path("connectionId").asText();
        if (!entities.get("connections").containsKey(connectionId)) {
            return notFound("connection", connectionId);
        }
        if (!runningSyncs.add(connectionId)) {
            return Answer.of(
                    409,
                    contract.problem(
                            "StateConflictProblemResponse",
                            null,
                            json.createObjectNode().put("message", "A sync is already running for: " + connectionId)));
        }
        ObjectNode job = json.createObjectNode()
                .put("jobId", jobIds.incrementAndGet())
                .put("status", "running")
                .put("jobType", "sync")
                .put("startTime", Instant.now().toString())
                .put("connectionId", connectionId);
        return Answer.of(200, job);
    }

    // ------------------------------------------------------------------ lists

    /**
     * A page as {@code PaginationMapper} builds it: {@code next} for every page that has entries (so a client reads
     * one empty page at the end), blank for an empty page; {@code previous} blank on the first page.
     */
    private Answer list(
            String collection, Map<String, String> params, java.util.function.Function<ObjectNode, JsonNode> view) {
        int limit = Math.min(Integer.parseInt(params.getOrDefault("limit", "20")), maxPageSize);
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        String workspaceIds = params.getOrDefault("workspaceIds", "");
        List<ObjectNode> matching = entities.get(collection).values().stream()
                .filter(e -> workspaceIds.isEmpty()
                        || List.of(workspaceIds.split(","))
                                .contains(e.path("workspaceId").asText()))
                .toList();
        ObjectNode page = json.createObjectNode();
        ArrayNode data = page.putArray("data");
        List<ObjectNode> items =
                new ArrayList<>(matching.stream().skip(offset).limit(limit).toList());
        items.forEach(e -> data.add(view.apply(e)));
        String base = apiUrl + "/v1/" + collection + "?includeDeleted=false"
                + (workspaceIds.isEmpty() ? "" : "&workspaceIds=" + workspaceIds) + "&limit=" + limit;
        page.put("next", items.isEmpty() ? "" : base + "&offset=" + (offset + limit));
        page.put("previous", offset == 0 ? "" : base + "&offset=" + Math.max(0, offset - limit));
        return Answer.of(200, page);
    }

    // ------------------------------------------------------------------ helpers

    private Answer notFound(String type, String id) {
        return Answer.of(
                404,
                contract.problem(
                        "ResourceNotFoundProblemResponse",
                        null,
                        json.createObjectNode().put("resourceType", type).put("resourceId", id)));
    }

    private static Map<String, String> types(String collection) {
        return collection.equals("sources") ? SOURCE_TYPES : DESTINATION_TYPES;
    }

    static String idKey(String collection) {
        return collection.equals("sources") ? "sourceId" : "destinationId";
    }

    private static String typeKey(String collection) {
        return collection.equals("sources") ? "sourceType" : "destinationType";
    }

    private static String singular(String collection) {
        return collection.substring(0, collection.length() - 1);
    }
}
