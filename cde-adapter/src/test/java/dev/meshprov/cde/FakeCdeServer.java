package dev.meshprov.cde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CDE service on loopback: the Knox token endpoint (HTTP Basic checked, tokens that expire by the given clock)
 * and the jobs API of one virtual cluster under {@code /dex/api/v1} (Bearer checked), with state: resources and
 * their uploaded files (multipart parsed as a stream), jobs, 404/409 answers. Records every write as
 * {@code METHOD path} and can inject statuses, delays and dropped connections.
 */
public final class FakeCdeServer extends LoopbackServer {

    static final String API = "/dex/api/v1";
    public static final String TOKEN_PATH = "/gateway/authtkn/knoxtoken/api/v1/token";

    public record StoredFile(long size, String md5, byte[] content) {}

    private record Rule(String method, String path, int status, String message) {}

    private final State state;

    private FakeCdeServer(State state) {
        super(state::handle);
        this.state = state;
    }

    public static FakeCdeServer create(String user, String password, Clock clock) {
        return new FakeCdeServer(new State(user, password, clock));
    }

    public String apiUrl() {
        return url() + API;
    }

    List<String> writes() {
        return List.copyOf(state.writes);
    }

    void clearWrites() {
        state.writes.clear();
    }

    /** The token issued last. */
    String lastToken() {
        return state.lastToken;
    }

    int tokensIssued() {
        return state.issued.get();
    }

    /** Refuses every token issued so far, as after a Knox restart. */
    void revokeTokens() {
        state.tokens.clear();
    }

    void tokenLifetime(Duration lifetime) {
        state.tokenLifetime = lifetime;
    }

    /** Keeps only the size and MD5 of uploads (for large files). */
    void keepContent(boolean keep) {
        state.keepContent = keep;
    }

    /** Answers the next jobs API calls with these statuses ({@code 0} drops the connection without answering). */
    void failNext(Integer... statuses) {
        state.nextStatuses.addAll(List.of(statuses));
    }

    /** Answers the next jobs API call with {@code status} and a body whose message is {@code message}. */
    void failNextWith(int status, String message) {
        state.nextMessage = message;
        state.nextStatuses.add(status);
    }

    /** Answers the next jobs API call with 200 and exactly {@code body} as JSON, however broken. */
    void answerNextRaw(String body) {
        state.nextRaw = body;
        state.nextStatuses.add(200);
    }

    /** Answers the next {@code method} call whose path below the API starts with {@code path} with an error. */
    void failOn(String method, String path, int status, String message) {
        state.rules.add(new Rule(method, path, status, message));
    }

    /** Delays the next jobs API answer. */
    void delayNext(Duration delay) {
        state.delay = delay;
    }

    public Optional<StoredFile> file(String resource, String name) {
        return Optional.ofNullable(state.files.getOrDefault(resource, Map.of()).get(name));
    }

    public Optional<JsonNode> job(String name) {
        return Optional.ofNullable(state.jobs.get(name));
    }

    public boolean hasResource(String name) {
        return state.resources.containsKey(name);
    }

    int requests() {
        return state.requests.get();
    }

    private static final class State {
        private final String basic;
        private final Clock clock;
        private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
        private final AtomicInteger issued = new AtomicInteger();
        private final AtomicInteger requests = new AtomicInteger();
        private final Map<String, JsonNode> resources = new ConcurrentHashMap<>();
        private final Map<String, Map<String, StoredFile>> files = new ConcurrentHashMap<>();
        private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
        private final List<String> writes = new CopyOnWriteArrayList<>();
        private final ConcurrentLinkedQueue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
        private final List<Rule> rules = new CopyOnWriteArrayList<>();
        private volatile Duration tokenLifetime = Duration.ofHours(1);
        private volatile boolean keepContent = true;
        private volatile Duration delay;
        private volatile String nextMessage;
        private volatile String nextRaw;
        private volatile String lastToken;
        private int runs;

        State(String user, String password, Clock clock) {
            this.basic = "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            this.clock = clock;
        }

        void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(TOKEN_PATH)) {
                token(exchange);
                return;
            }
            if (!path.startsWith(API + "/")) {
                json(exchange, 404, Map.of("message", "no such path " + path));
                return;
            }
            requests.incrementAndGet();
            if (!authorized(exchange)) {
                json(exchange, 401, Map.of("status", 401, "message", "invalid or expired token"));
                return;
            }
            String relative = path.substring(API.length());
            Optional<Rule> rule = rules.stream()
                    .filter(r -> r.method().equals(method) && relative.startsWith(r.path()))
                    .findFirst();
            if (rule.isPresent()) {
                rules.remove(rule.get());
                exchange.getRequestBody().readAllBytes();
                json(
                        exchange,
                        rule.get().status(),
                        Map.of(
                                "status",
                                rule.get().status(),
                                "message",
                                rule.get().message()));
                return;
            }
            Integer status = nextStatuses.poll();
            if (status != null) {
                if (status == 0) {
                    exchange.getRequestBody().readAllBytes();
                    throw new IOException("dropping the connection on purpose");
                }
                if (status == 429) {
                    exchange.getResponseHeaders().set("Retry-After", "0");
                }
                String raw = nextRaw;
                if (raw != null) {
                    nextRaw = null;
                    exchange.getRequestBody().readAllBytes();
                    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    try (java.io.OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                    return;
                }
                String message = nextMessage != null ? nextMessage : "injected " + status;
                nextMessage = null;
                json(exchange, status, Map.of("status", status, "message", message));
                return;
            }
            Duration wait = delay;
            if (wait != null) {
                delay = null;
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String[] parts = path.substring(API.length() + 1).split("/", -1);
            if (parts[0].equals("resources")) {
                resources(exchange, method, parts, path);
            } else if (parts[0].equals("jobs")) {
                jobs(exchange, method, parts, path);
            } else {
                json(exchange, 404, Map.of("message", "no such path " + path));
            }
        }

        private void token(HttpExchange exchange) throws IOException {
            if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                json(exchange, 401, Map.of("message", "bad credentials"));
                return;
            }
            String token = "knox-token-" + issued.incrementAndGet() + "-" + java.util.UUID.randomUUID();
            Instant expires = clock.instant().plus(tokenLifetime);
            tokens.put(token, expires);
            lastToken = token;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token);
            body.put("token_type", "Bearer");
            body.put("expires_in", expires.toEpochMilli());
            body.put("target_url", "https://example/gateway");
            json(exchange, 200, body);
        }

        private boolean authorized(HttpExchange exchange) {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            if (header == null || !header.startsWith("Bearer ")) {
                return false;
            }
            Instant expires = tokens.get(header.substring("Bearer ".length()));
            return expires != null && clock.instant().isBefore(expires);
        }

        private void resources(HttpExchange exchange, String method, String[] parts, String path) throws IOException {
            if (parts.length == 1 && method.equals("POST")) {
                JsonNode body = body(exchange);
                String name = body.path("name").asText();
                if (resources.putIfAbsent(name, body) != null) {
                    json(exchange, 409, Map.of("status", 409, "message", "resource " + name + " already exists"));
                    return;
                }
                files.put(name, new ConcurrentHashMap<>());
                writes.add("POST /resources " + name);
                empty(exchange, 201);
                return;
            }
            String name = parts[1];
            JsonNode resource = resources.get(name);
            if (parts.length == 2 && method.equals("GET")) {
                if (resource == null) {
                    json(exchange, 404, Map.of("status", 404, "message", "resource not found"));
                    return;
                }
                ObjectNode answer = ((ObjectNode) resource).deepCopy();
                answer.put("created", "2024-01-01T00:00:00Z");
                List<Map<String, Object>> listed = new ArrayList<>();
                files.getOrDefault(name, Map.of())
                        .forEach((file, stored) -> listed.add(Map.of(
                                "path",
                                file,
                                "signature",
                                stored.md5(),
                                "sizeBytes",
                                stored.size(),
                                "created",
                                "2024-01-01T00:00:00Z")));
                answer.set("files", JSON.valueToTree(listed));
                json(exchange, 200, answer);
                return;
            }
            if (parts.length == 2 && method.equals("DELETE")) {
                if (resources.remove(name) == null) {
                    json(exchange, 404, Map.of("status", 404, "message", "resource not found"));
                    return;
                }
                files.remove(name);
                writes.add("DELETE " + path.substring(API.length()));
                empty(exchange, 204);
                return;
            }
            if (parts.length == 3 && resource == null) {
                exchange.getRequestBody().readAllBytes();
                json(exchange, 404, Map.of("status", 404, "message", "resource not found"));
                return;
            }
            String file = parts[2];
            if (parts.length == 3 && method.equals("PUT")) {
                upload(exchange, name, file, path);
                return;
            }
            if (parts.length == 3 && method.equals("DELETE")) {
                if (files.get(name).remove(file) == null) {
                    json(exchange, 404, Map.of("status", 404, "message", "file not found"));
                    return;
                }
                writes.add("DELETE " + path.substring(API.length()));
                empty(exchange, 204);
                return;
            }
            json(exchange, 405, Map.of("message", method + " not allowed"));
        }

        private void upload(HttpExchange exchange, String resource, String file, String path) throws IOException {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("multipart/form-data")) {
                json(exchange, 400, Map.of("message", "multipart/form-data expected"));
                return;
            }
            MessageDigest md5 = md5();
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            long[] size = {0};
            boolean keep = keepContent;
            MultipartReader.Part part =
                    MultipartReader.readFirstPart(exchange.getRequestBody(), contentType, (buffer, offset, length) -> {
                        md5.update(buffer, offset, length);
                        size[0] += length;
                        if (keep) {
                            kept.write(buffer, offset, length);
                        }
                    });
            exchange.getRequestBody().readAllBytes();
            if (!"file".equals(part.name())) {
                json(exchange, 400, Map.of("message", "the part must be named file"));
                return;
            }
            files.get(resource)
                    .put(
                            file,
                            new StoredFile(
                                    size[0], HexFormat.of().formatHex(md5.digest()), keep ? kept.toByteArray() : null));
            writes.add("PUT " + path.substring(API.length()));
            empty(exchange, 201);
        }

        private void jobs(HttpExchange exchange, String method, String[] parts, String path) throws IOException {
            if (parts.length == 1 && method.equals("POST")) {
                ObjectNode body = (ObjectNode) body(exchange);
                String name = body.path("name").asText();
                if (jobs.putIfAbsent(name, body) != null) {
                    json(exchange, 409, Map.of("status", 409, "message", "job " + name + " already exists"));
                    return;
                }
                writes.add("POST /jobs " + name);
                empty(exchange, 201);
                return;
            }
            String name = parts[1];
            ObjectNode job = jobs.get(name);
            if (job == null) {
                exchange.getRequestBody().readAllBytes();
                json(exchange, 404, Map.of("status", 404, "message", "job not found"));
                return;
            }
            if (parts.length == 3 && parts[2].equals("run") && method.equals("POST")) {
                body(exchange);
                writes.add("POST /jobs/" + name + "/run");
                int id;
                synchronized (this) {
                    id = ++runs;
                }
                json(exchange, 201, Map.of("id", id, "job", name, "status", "starting"));
                return;
            }
            switch (method) {
                case "GET" -> {
                    ObjectNode answer = job.deepCopy();
                    answer.put("created", "2024-01-01T00:00:00Z");
                    answer.put("owner", "srv_meshprov");
                    if (answer.path("schedule").isObject()) {
                        ((ObjectNode) answer.path("schedule")).put("user", "srv_meshprov");
                    }
                    json(exchange, 200, answer);
                }
                case "PATCH" -> {
                    JsonNode changes = body(exchange);
                    changes.fields().forEachRemaining(e -> job.set(e.getKey(), e.getValue()));
                    writes.add("PATCH /jobs/" + name);
                    empty(exchange, 204);
                }
                case "DELETE" -> {
                    jobs.remove(name);
                    writes.add("DELETE /jobs/" + name);
                    empty(exchange, 204);
                }
                default -> json(exchange, 405, Map.of("message", method + " not allowed"));
            }
        }

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
