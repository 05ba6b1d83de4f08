package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meshprov.core.airbyte.AirbyteSettings;
import dev.meshprov.core.airbyte.DiscoveredStream;
import dev.meshprov.core.airbyte.InMemoryAirbyteGateway;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * An in-process Airbyte speaking the subset of the public API meshprov uses, on 127.0.0.1, with state: entities
 * persist between calls, ids are UUIDs, lists paginate with {@code limit}/{@code offset}/{@code next} (20 per page
 * by default), deletes answer 204, unknown ids 404, bad configurations 422 with {@code validationErrors} (echoing the
 * configuration, as Airbyte may), secrets come back masked, and the token endpoint issues expiring tokens. Faults
 * can be injected per call: an error status (with {@code Retry-After}), a slow answer after the work is done, or a
 * dropped connection.
 */
public final class FakeAirbyteServer implements AutoCloseable {

    public static final String BASE = "/api/public";
    public static final int DEFAULT_PAGE_SIZE = 20;
    private static final List<String> FILE_FORMATS =
            List.of("csv", "json", "jsonl", "excel", "excel_binary", "feather", "parquet", "yaml");

    enum Auth {
        NONE,
        BASIC,
        BEARER,
        CLIENT_CREDENTIALS
    }

    /**
     * A fault for the next {@code times} requests matching a method and path: an answer instead of the work (a status
     * with a problem body, or a raw body, or a 422 echoing the request), a slow answer after the work, or a dropped
     * connection.
     */
    public record Fault(
            String method,
            Pattern path,
            int status,
            String retryAfter,
            Duration delay,
            boolean drop,
            String rawBody,
            boolean echo) {

        /** Answers {@code status} instead of doing the work. */
        public static Fault status(String method, String pathRegex, int status) {
            return new Fault(method, Pattern.compile(pathRegex), status, null, Duration.ZERO, false, null, false);
        }

        /** Answers 429 with {@code Retry-After: seconds}. */
        public static Fault rateLimited(String method, String pathRegex, int seconds) {
            return new Fault(
                    method,
                    Pattern.compile(pathRegex),
                    429,
                    String.valueOf(seconds),
                    Duration.ZERO,
                    false,
                    null,
                    false);
        }

        /** Does the work, then waits {@code delay} before answering. */
        public static Fault slow(String method, String pathRegex, Duration delay) {
            return new Fault(method, Pattern.compile(pathRegex), 0, null, delay, false, null, false);
        }

        /** Closes the connection without answering. */
        public static Fault drop(String method, String pathRegex) {
            return new Fault(method, Pattern.compile(pathRegex), 0, null, Duration.ZERO, true, null, false);
        }

        /** Answers {@code status} with exactly {@code body}. */
        public static Fault raw(String method, String pathRegex, int status, String body) {
            return new Fault(method, Pattern.compile(pathRegex), status, null, Duration.ZERO, false, body, false);
        }

        /** Answers 422 with validation errors, echoing the whole request body (secrets included) in its messages. */
        public static Fault rejectEchoing(String method, String pathRegex) {
            return new Fault(method, Pattern.compile(pathRegex), 422, null, Duration.ZERO, false, null, true);
        }

        public boolean matches(String requestMethod, String path) {
            return method.equals(requestMethod) && this.path.matcher(path).matches();
        }
    }

    private final ObjectMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    private final Map<String, String> workspaces = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> entities = new HashMap<>();
    private final Set<String> runningSyncs = new HashSet<>();
    private final AtomicLong jobIds = new AtomicLong(1000);
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Map<String, Instant> tokens = new HashMap<>();

    private volatile Auth auth = Auth.NONE;
    private volatile String secretA;
    private volatile String secretB;
    private volatile long tokenLifetimeSeconds = 180;
    private volatile int maxPageSize = 100;

    private FakeAirbyteServer() throws IOException {
        // without TCP_NODELAY, small answers wait for delayed ACKs (about 40 ms per call)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        for (String collection : List.of("sources", "destinations", "connections")) {
            entities.put(collection, new LinkedHashMap<>());
        }
    }

    public static FakeAirbyteServer start() {
        try {
            FakeAirbyteServer fake = new FakeAirbyteServer();
            fake.server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Airbyte server", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ set-up and inspection

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE;
    }

    public synchronized FakeAirbyteServer workspace(String id, String name) {
        workspaces.put(id, name);
        return this;
    }

    /** Requires client credentials {@code clientId}/{@code clientSecret}; tokens live {@code lifetime} seconds. */
    public FakeAirbyteServer requireClientCredentials(String clientId, String clientSecret, long lifetimeSeconds) {
        this.auth = Auth.CLIENT_CREDENTIALS;
        this.secretA = clientId;
        this.secretB = clientSecret;
        this.tokenLifetimeSeconds = lifetimeSeconds;
        return this;
    }

    public FakeAirbyteServer requireBearer(String token) {
        this.auth = Auth.BEARER;
        this.secretA = token;
        return this;
    }

    public FakeAirbyteServer requireBasic(String username, String password) {
        this.auth = Auth.BASIC;
        this.secretA = username;
        this.secretB = password;
        return this;
    }

    /** Lets every issued token expire now (Airbyte restarted, or the token aged). */
    public synchronized void expireTokens() {
        tokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    /** The largest page the server returns whatever the client asks (Airbyte: 100). */
    public FakeAirbyteServer maxPageSize(int size) {
        this.maxPageSize = size;
        return this;
    }

    /** Injects {@code fault} for the next {@code times} matching requests. */
    public synchronized FakeAirbyteServer fail(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
        return this;
    }

    /** How many injected faults are still waiting for a matching request. */
    public synchronized int pendingFaults() {
        return faults.size();
    }

    /** Drops every injected fault not yet used. */
    public synchronized void clearFaults() {
        faults.clear();
    }

    /** Stores a source or destination as if created in the Airbyte UI; returns its id. */
    public synchronized String seed(String collection, String workspaceId, String name, ObjectNode configuration) {
        String id = UUID.randomUUID().toString();
        ObjectNode entity = json.createObjectNode();
        entity.put(idKey(collection), id).put("name", name).put("workspaceId", workspaceId);
        entity.put("definitionId", UUID.randomUUID().toString()).put(typeKey(collection), "custom");
        entity.set("configuration", configuration.deepCopy());
        entity.put("createdAt", Instant.now().getEpochSecond());
        entities.get(collection).put(id, entity);
        return id;
    }

    public synchronized void removeDirectly(String collection, String id) {
        entities.get(collection).remove(id);
    }

    /** The stored entities of a collection, unmasked. */
    public synchronized List<ObjectNode> stored(String collection) {
        return entities.get(collection).values().stream()
                .map(ObjectNode::deepCopy)
                .toList();
    }

    /** Requests that change state (POST, PATCH, DELETE; not token requests), received so far. */
    public int writes() {
        return writes.get();
    }

    /** List requests received so far. */
    public int lists() {
        return lists.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    // ------------------------------------------------------------------ request handling

    private record Answer(int status, JsonNode body, Map<String, String> headers) {
        static Answer of(int status, JsonNode body) {
            return new Answer(status, body, Map.of());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String fullPath = exchange.getRequestURI().getRawPath();
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!fullPath.startsWith(BASE + "/")) {
                write(exchange, Answer.of(404, problem(404, "not-found", "no such path " + fullPath)));
                return;
            }
            String path = fullPath.substring(BASE.length());
            Optional<Fault> fault = record(method, path, query);
            if (fault.isPresent() && fault.get().drop()) {
                return;
            }
            if (fault.isPresent() && fault.get().status() > 0) {
                answerFault(exchange, fault.get(), body);
                return;
            }
            Answer answer;
            synchronized (this) {
                answer = route(
                        method,
                        path,
                        params(query),
                        body,
                        exchange.getRequestHeaders().getFirst("Authorization"));
            }
            if (fault.isPresent() && !fault.get().delay().isZero()) {
                sleep(fault.get().delay());
            }
            write(exchange, answer);
        } catch (IOException e) {
            // the client went away (e.g. after its time-out)
        }
    }

    private void answerFault(HttpExchange exchange, Fault fault, byte[] request) throws IOException {
        if (fault.rawBody() != null) {
            byte[] bytes = fault.rawBody().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fault.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return;
        }
        if (fault.echo()) {
            String echoed = new String(request, StandardCharsets.UTF_8);
            ObjectNode body = problem(
                    422,
                    "unprocessable-entity",
                    "The provided configuration does not fulfill the specification: " + echoed);
            body.putArray("validationErrors")
                    .add("$.credentials: the credentials in " + echoed + " were refused")
                    .addObject()
                    .put("property", "$.configuration")
                    .put("message", "invalid value " + echoed);
            body.putObject("data").set("request", request.length == 0 ? null : json.readTree(request));
            write(exchange, Answer.of(422, body));
            return;
        }
        Map<String, String> headers = fault.retryAfter() == null ? Map.of() : Map.of("Retry-After", fault.retryAfter());
        write(exchange, new Answer(fault.status(), problem(fault.status(), "injected", "injected fault"), headers));
    }

    private synchronized Optional<Fault> record(String method, String path, String query) {
        requests.add(method + " " + path + (query.isEmpty() ? "" : "?" + query));
        boolean token = path.equals("/v1/applications/token");
        if (!token && !method.equals("GET")) {
            writes.incrementAndGet();
        }
        if (method.equals("GET") && path.matches("/v1/(sources|destinations|connections)")) {
            lists.incrementAndGet();
        }
        if (token) {
            tokenRequests.incrementAndGet();
        }
        Iterator<Fault> pending = faults.iterator();
        while (pending.hasNext()) {
            Fault fault = pending.next();
            if (fault.matches(method, path)) {
                pending.remove();
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    private Answer route(String method, String path, Map<String, String> params, byte[] body, String authorization)
            throws IOException {
        if (path.equals("/v1/applications/token") && method.equals("POST")) {
            return token(json.readTree(body));
        }
        if (!authorized(authorization)) {
            return Answer.of(401, problem(401, "unauthorized", "The request is not authorized"));
        }
        String[] parts = path.substring(1).split("/");
        if (parts.length < 2 || !parts[0].equals("v1")) {
            return Answer.of(404, problem(404, "not-found", "no such path " + path));
        }
        String collection = parts[1];
        Optional<String> id = parts.length > 2 ? Optional.of(parts[2]) : Optional.empty();
        JsonNode request = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        return switch (collection) {
            case "workspaces" -> method.equals("GET") && id.isPresent() ? workspace(id.get()) : notAllowed();
            case "sources", "destinations" -> connectors(method, collection, id, params, request);
            case "connections" -> connections(method, id, params, request);
            case "streams" -> method.equals("GET") ? streams(params) : notAllowed();
            case "jobs" -> method.equals("POST") ? job(request) : notAllowed();
            default -> Answer.of(404, problem(404, "not-found", "no such path " + path));
        };
    }

    // ------------------------------------------------------------------ auth

    private Answer token(JsonNode request) {
        if (!request.path("grant-type").asText().equals("client_credentials")
                || !request.path("client_id").asText().equals(secretA)
                || !request.path("client_secret").asText().equals(secretB)) {
            return Answer.of(401, problem(401, "unauthorized", "Invalid client credentials"));
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, Instant.now().plusSeconds(tokenLifetimeSeconds));
        ObjectNode answer = json.createObjectNode()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", tokenLifetimeSeconds);
        return Answer.of(200, answer);
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
        return Answer.of(
                200,
                json.createObjectNode().put("workspaceId", id).put("name", name).put("dataResidency", "auto"));
    }

    private Answer connectors(
            String method, String collection, Optional<String> id, Map<String, String> params, JsonNode request) {
        Map<String, ObjectNode> store = entities.get(collection);
        if (id.isEmpty()) {
            return switch (method) {
                case "GET" -> list(collection, params, this::masked);
                case "POST" -> createConnector(collection, request);
                default -> notAllowed();
            };
        }
        ObjectNode entity = store.get(id.get());
        if (entity == null) {
            return notFound(collection.substring(0, collection.length() - 1), id.get());
        }
        return switch (method) {
            case "GET" -> Answer.of(200, masked(entity));
            case "PATCH" -> {
                if (request.has("configuration")) {
                    Optional<Answer> invalid =
                            invalidConfiguration(entity.path("definitionId").asText(), request);
                    if (invalid.isPresent()) {
                        yield invalid.get();
                    }
                    merge((ObjectNode) entity.get("configuration"), request.get("configuration"));
                }
                if (request.hasNonNull("name")) {
                    entity.put("name", request.get("name").asText());
                }
                yield Answer.of(200, masked(entity));
            }
            case "DELETE" -> {
                store.remove(id.get());
                yield Answer.of(204, null);
            }
            default -> notAllowed();
        };
    }

    private Answer createConnector(String collection, JsonNode request) {
        String workspaceId = request.path("workspaceId").asText();
        if (!request.path("name").isTextual() || request.path("name").asText().isBlank()) {
            return Answer.of(400, problem(400, "bad-request", "name is required"));
        }
        if (!workspaces.containsKey(workspaceId)) {
            return notFound("workspace", workspaceId);
        }
        if (!request.path("configuration").isObject()) {
            return Answer.of(400, problem(400, "bad-request", "configuration must be an object"));
        }
        String typeKey = typeKey(collection);
        String definitionId = request.path("definitionId").asText("");
        String type = request.path("configuration").path(typeKey).asText("");
        if (definitionId.isEmpty() && type.isEmpty()) {
            return Answer.of(
                    400, problem(400, "bad-request", "definitionId or configuration." + typeKey + " is required"));
        }
        Optional<Answer> invalid = invalidConfiguration(definitionId, request);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String id = UUID.randomUUID().toString();
        ObjectNode entity = json.createObjectNode();
        entity.put(idKey(collection), id)
                .put("name", request.get("name").asText())
                .put("workspaceId", workspaceId);
        entity.put(
                "definitionId",
                definitionId.isEmpty()
                        ? UUID.nameUUIDFromBytes(type.getBytes(StandardCharsets.UTF_8))
                                .toString()
                        : definitionId);
        entity.put(typeKey, !type.isEmpty() ? type : knownType(definitionId));
        entity.set("configuration", request.get("configuration").deepCopy());
        entity.put("createdAt", Instant.now().getEpochSecond());
        entities.get(collection).put(id, entity);
        return Answer.of(200, masked(entity));
    }

    /** Airbyte's 422 for a configuration that does not fit the connector's specification (File source only). */
    private Optional<Answer> invalidConfiguration(String definitionId, JsonNode request) {
        JsonNode configuration = request.path("configuration");
        if (!definitionId.equals(AirbyteSettings.DEFAULT_FILE_DEFINITION_ID)) {
            return Optional.empty();
        }
        List<String> errors = new ArrayList<>();
        String format = configuration.path("format").asText("csv");
        if (!FILE_FORMATS.contains(format)) {
            errors.add("$.format: does not have a value in the enumeration " + FILE_FORMATS);
        }
        if (!configuration.path("dataset_name").isTextual()) {
            errors.add("$.dataset_name: is missing but it is required");
        }
        JsonNode userAgent = configuration.path("provider").path("user_agent");
        if (!userAgent.isMissingNode() && !userAgent.isBoolean()) {
            errors.add("$.provider.user_agent: string found, boolean expected");
        }
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = problem(
                422,
                "unprocessable-entity",
                "The provided configuration does not fulfill the specification. Errors: json schema validation failed"
                        + " when comparing the data to the json schema. Configuration: " + configuration);
        ArrayNode validationErrors = body.putArray("validationErrors");
        errors.forEach(validationErrors::add);
        body.putObject("data").set("configuration", configuration);
        return Optional.of(Answer.of(422, body));
    }

    // ------------------------------------------------------------------ connections, streams, jobs

    private Answer connections(String method, Optional<String> id, Map<String, String> params, JsonNode request) {
        Map<String, ObjectNode> store = entities.get("connections");
        if (id.isEmpty()) {
            return switch (method) {
                case "GET" -> list("connections", params, ObjectNode::deepCopy);
                case "POST" -> createConnection(request);
                default -> notAllowed();
            };
        }
        ObjectNode connection = store.get(id.get());
        if (connection == null) {
            return notFound("connection", id.get());
        }
        return switch (method) {
            case "GET" -> Answer.of(200, connection.deepCopy());
            case "PATCH" -> {
                Optional<Answer> invalid = invalidSchedule(request.path("schedule"));
                if (invalid.isPresent()) {
                    yield invalid.get();
                }
                for (String field : List.of("name", "schedule", "namespaceDefinition", "namespaceFormat", "status")) {
                    if (request.hasNonNull(field)) {
                        connection.set(field, request.get(field).deepCopy());
                    }
                }
                if (request.hasNonNull("configurations")) {
                    connection.set("configurations", withStreamDefaults(request.get("configurations")));
                }
                yield Answer.of(200, connection.deepCopy());
            }
            case "DELETE" -> {
                store.remove(id.get());
                runningSyncs.remove(id.get());
                yield Answer.of(204, null);
            }
            default -> notAllowed();
        };
    }

    private Answer createConnection(JsonNode request) {
        ObjectNode source = entities.get("sources").get(request.path("sourceId").asText());
        ObjectNode destination =
                entities.get("destinations").get(request.path("destinationId").asText());
        if (source == null || destination == null) {
            return Answer.of(400, problem(400, "bad-request", "Invalid source or destination id"));
        }
        Optional<Answer> invalid = invalidSchedule(request.path("schedule"));
        if (invalid.isPresent()) {
            return invalid.get();
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
                        ? request.get("schedule").deepCopy()
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
        connection.put("dataResidency", "auto").put("nonBreakingSchemaUpdatesBehavior", "ignore");
        connection.put("createdAt", Instant.now().getEpochSecond());
        connection.putArray("tags");
        entities.get("connections").put(id, connection);
        return Answer.of(200, connection.deepCopy());
    }

    private Optional<Answer> invalidSchedule(JsonNode schedule) {
        if (schedule.path("scheduleType").asText().equals("cron")
                && !schedule.path("cronExpression").isTextual()) {
            ObjectNode body = problem(422, "unprocessable-entity", "A cron schedule needs a cronExpression");
            body.putArray("validationErrors").add("$.schedule.cronExpression: is missing but it is required");
            return Optional.of(Answer.of(422, body));
        }
        return Optional.empty();
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
        if (source == null || !entities.get("destinations").containsKey(params.getOrDefault("destinationId", ""))) {
            return notFound("source or destination", params.getOrDefault("sourceId", ""));
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
            return Answer.of(409, problem(409, "state-conflict", "A sync is already running for: " + connectionId));
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

    private Answer list(
            String collection, Map<String, String> params, java.util.function.Function<ObjectNode, JsonNode> view) {
        int limit = Math.min(
                Integer.parseInt(params.getOrDefault("limit", String.valueOf(DEFAULT_PAGE_SIZE))), maxPageSize);
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        String workspaceIds = params.getOrDefault("workspaceIds", "");
        List<ObjectNode> matching = entities.get(collection).values().stream()
                .filter(e -> workspaceIds.isEmpty()
                        || List.of(workspaceIds.split(","))
                                .contains(e.path("workspaceId").asText()))
                .toList();
        ObjectNode page = json.createObjectNode();
        ArrayNode data = page.putArray("data");
        matching.stream().skip(offset).limit(limit).forEach(e -> data.add(view.apply(e)));
        String base = apiUrl() + "/v1/" + collection + "?workspaceIds=" + workspaceIds + "&limit=" + limit;
        if (offset + limit < matching.size()) {
            page.put("next", base + "&offset=" + (offset + limit));
        }
        if (offset > 0) {
            page.put("previous", base + "&offset=" + Math.max(0, offset - limit));
        }
        return Answer.of(200, page);
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode masked(ObjectNode entity) {
        ObjectNode copy = entity.deepCopy();
        copy.set("configuration", InMemoryAirbyteGateway.mask(entity.path("configuration")));
        return copy;
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    private ObjectNode problem(int status, String title, String detail) {
        ObjectNode body = json.createObjectNode();
        body.put("status", status)
                .put("type", "https://reference.airbyte.com/reference/errors#" + title)
                .put("title", title)
                .put("detail", detail);
        body.putNull("documentationUrl");
        return body;
    }

    private Answer notFound(String what, String id) {
        return Answer.of(404, problem(404, "resource-not-found", "Could not find a " + what + " with id " + id));
    }

    private Answer notAllowed() {
        return Answer.of(405, problem(405, "method-not-allowed", "method not allowed"));
    }

    private static String idKey(String collection) {
        return collection.equals("sources") ? "sourceId" : "destinationId";
    }

    private static String typeKey(String collection) {
        return collection.equals("sources") ? "sourceType" : "destinationType";
    }

    private static String knownType(String definitionId) {
        if (definitionId.equals(AirbyteSettings.DEFAULT_FILE_DEFINITION_ID)) {
            return "file";
        }
        return definitionId.equals(AirbyteSettings.DEFAULT_SNOWFLAKE_DEFINITION_ID) ? "snowflake" : "custom";
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, value);
            }
        }
        return params;
    }

    private void write(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
