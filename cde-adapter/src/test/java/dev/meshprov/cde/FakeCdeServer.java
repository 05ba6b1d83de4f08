package dev.meshprov.cde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * A CDE service on loopback — the Knox token endpoint (HTTP Basic checked, tokens that expire by the given clock) and
 * the jobs API of one virtual cluster under {@code /dex/api/v1} (Bearer checked) — judging every request by what
 * public sources show of that API ({@link CdeJobsContract}: unknown paths, methods, query parameters and body fields
 * are violations, answered 400 and recorded so that {@link #close()} fails the test; see {@link ContractViolations}).
 * Where the sources show nothing, it answers either way as told: whether and how it lists a resource's files
 * ({@link FilesListing}, {@link Signatures}), how Knox states the expiry ({@link TokenExpiry}), Spark configuration it
 * adds to jobs itself, a job name limit. Keeps resources and their uploaded files (multipart parsed as a stream),
 * jobs, 404/409 answers; records every write as {@code METHOD path}; can inject statuses, delays and dropped
 * connections.
 */
public final class FakeCdeServer extends LoopbackServer {

    static final String API = "/dex/api/v1";
    public static final String TOKEN_PATH = "/gateway/authtkn/knoxtoken/api/v1/token";

    /** Whether {@code GET /resources/{name}} lists {@code files[]} (no public source shows it). */
    public enum FilesListing {
        /** Only when asked with {@code includeFiles=true} (as cdepy asks). */
        WITH_INCLUDE_FILES,
        /** Always. */
        ALWAYS,
        /** Never: the answer has no {@code files[]}. */
        NEVER,
        /** Entries under other field names ({@code filePath}, {@code length}) than assumed. */
        UNREADABLE_ENTRIES
    }

    /** The {@code signature} of a listed file (assumed MD5 hex; nothing public shows it). */
    public enum Signatures {
        MD5,
        NONE,
        SHA256
    }

    /** How the Knox answer states the expiry of a token. */
    public enum TokenExpiry {
        /** Epoch milliseconds, as Apache Knox's TokenResource writes it. */
        EPOCH_MILLIS,
        /** {@code -1}: a token that never expires ({@code knox.token.ttl: -1}). */
        NEVER,
        /** Seconds from now, as OAuth servers write it. */
        SECONDS_FROM_NOW,
        /** No {@code expires_in} at all. */
        ABSENT
    }

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

    /** What the judge found; a test that breaks the contract on purpose declares it here. */
    public ContractViolations violations() {
        return state.violations;
    }

    public void filesListing(FilesListing listing) {
        state.listing = listing;
    }

    public void signatures(Signatures signatures) {
        state.signatures = signatures;
    }

    public void tokenExpiry(TokenExpiry expiry) {
        state.expiry = expiry;
    }

    /** Adds these Spark configuration entries to every job it reports, as CDE may do itself. */
    public void addsConf(Map<String, String> conf) {
        state.addedConf.putAll(conf);
    }

    /** Refuses job names longer than {@code length} with 400 (the limit is not public). */
    public void maxJobNameLength(int length) {
        state.maxJobName = length;
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

    /** Replaces a file as someone editing the resource in CDE would. */
    void replaceFile(String resource, String name, byte[] content) {
        state.files.get(resource).put(name, new StoredFile(content.length, md5Hex(content), content));
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

    /** Stops the server, then fails if a request broke the contract (unless the test declared it would). */
    @Override
    public void close() {
        super.close();
        state.violations.verify();
    }

    private static String md5Hex(byte[] content) {
        return HexFormat.of().formatHex(digest("MD5").digest(content));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class State {
        private final ContractViolations violations =
                new ContractViolations("FakeCdeServer (jobs API as public sources show it)");
        private final String basic;
        private final Clock clock;
        private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
        private final AtomicInteger issued = new AtomicInteger();
        private final AtomicInteger requests = new AtomicInteger();
        private final Map<String, JsonNode> resources = new ConcurrentHashMap<>();
        private final Map<String, Map<String, StoredFile>> files = new ConcurrentHashMap<>();
        private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
        private final Map<String, String> addedConf = new ConcurrentHashMap<>();
        private final List<String> writes = new CopyOnWriteArrayList<>();
        private final ConcurrentLinkedQueue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
        private final List<Rule> rules = new CopyOnWriteArrayList<>();
        private volatile Duration tokenLifetime = Duration.ofHours(1);
        private volatile boolean keepContent = true;
        private volatile FilesListing listing = FilesListing.WITH_INCLUDE_FILES;
        private volatile Signatures signatures = Signatures.MD5;
        private volatile TokenExpiry expiry = TokenExpiry.EPOCH_MILLIS;
        private volatile int maxJobName = Integer.MAX_VALUE;
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
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean multipart = contentType != null && contentType.startsWith("multipart/form-data");
            String text =
                    multipart ? null : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<String> problems = CdeJobsContract.judge()
                    .request(
                            method,
                            path,
                            CdeJobsContract.query(exchange.getRequestURI().getRawQuery()),
                            contentType,
                            text == null || text.isEmpty() ? null : text);
            if (!problems.isEmpty()) {
                violations.record(
                        method + " " + exchange.getRequestURI() + " " + (text == null ? "" : text) + ": " + problems);
                if (multipart) {
                    exchange.getRequestBody().readAllBytes();
                }
                json(exchange, 400, Map.of("status", 400, "message", String.join("; ", problems)));
                return;
            }
            if (path.equals(TOKEN_PATH)) {
                token(exchange, method, path);
                return;
            }
            requests.incrementAndGet();
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                violations.record(
                        method + " " + path + ": no Authorization header (the jobs API needs a Bearer token)");
            }
            if (!authorized(exchange)) {
                drain(exchange, multipart);
                json(exchange, 401, Map.of("status", 401, "message", "invalid or expired token"));
                return;
            }
            if (injected(exchange, method, path.substring(API.length()), multipart)) {
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
            JsonNode body = text == null || text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
            if (parts[0].equals("resources")) {
                resources(exchange, method, parts, path, body);
            } else {
                jobs(exchange, method, parts, path, body);
            }
        }

        private static void drain(HttpExchange exchange, boolean multipart) throws IOException {
            if (multipart) {
                exchange.getRequestBody().readAllBytes();
            }
        }

        /** Injected failures: rules, then queued statuses (0 = drop), raw answers; true when one answered. */
        private boolean injected(HttpExchange exchange, String method, String relative, boolean multipart)
                throws IOException {
            Optional<Rule> rule = rules.stream()
                    .filter(r -> r.method().equals(method) && relative.startsWith(r.path()))
                    .findFirst();
            if (rule.isPresent()) {
                rules.remove(rule.get());
                drain(exchange, multipart);
                json(
                        exchange,
                        rule.get().status(),
                        Map.of(
                                "status",
                                rule.get().status(),
                                "message",
                                rule.get().message()));
                return true;
            }
            Integer status = nextStatuses.poll();
            if (status == null) {
                return false;
            }
            drain(exchange, multipart);
            if (status == 0) {
                throw new IOException("dropping the connection on purpose");
            }
            if (status == 429) {
                exchange.getResponseHeaders().set("Retry-After", "0");
            }
            String raw = nextRaw;
            if (raw != null) {
                nextRaw = null;
                send(exchange, status, raw.getBytes(StandardCharsets.UTF_8));
                return true;
            }
            String message = nextMessage != null ? nextMessage : "injected " + status;
            nextMessage = null;
            json(exchange, status, Map.of("status", status, "message", message));
            return true;
        }

        private void token(HttpExchange exchange, String method, String path) throws IOException {
            if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                json(exchange, 401, Map.of("message", "bad credentials"));
                return;
            }
            String token = "knox-token-" + issued.incrementAndGet() + "-" + java.util.UUID.randomUUID();
            Instant expires =
                    expiry == TokenExpiry.NEVER ? Instant.MAX : clock.instant().plus(tokenLifetime);
            tokens.put(token, expires);
            lastToken = token;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token);
            body.put("token_type", "Bearer");
            switch (expiry) {
                case EPOCH_MILLIS -> body.put("expires_in", expires.toEpochMilli());
                case NEVER -> body.put("expires_in", -1);
                case SECONDS_FROM_NOW -> body.put("expires_in", tokenLifetime.toSeconds());
                case ABSENT -> {}
            }
            body.put("target_url", "https://example/gateway");
            answer(exchange, method, path, 200, body);
        }

        private boolean authorized(HttpExchange exchange) {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            if (header == null || !header.startsWith("Bearer ")) {
                return false;
            }
            Instant expires = tokens.get(header.substring("Bearer ".length()));
            return expires != null && clock.instant().isBefore(expires);
        }

        private void resources(HttpExchange exchange, String method, String[] parts, String path, JsonNode body)
                throws IOException {
            if (parts.length == 1) {
                String name = body.path("name").asText();
                if (resources.putIfAbsent(name, body) != null) {
                    json(exchange, 409, Map.of("status", 409, "message", "resource " + name + " already exists"));
                    return;
                }
                files.put(name, new ConcurrentHashMap<>());
                writes.add("POST /resources " + name);
                answer(exchange, method, path, 201, null);
                return;
            }
            String name = parts[1];
            JsonNode resource = resources.get(name);
            if (resource == null) {
                drain(exchange, parts.length == 3 && method.equals("PUT"));
                json(exchange, 404, Map.of("status", 404, "message", "resource not found"));
                return;
            }
            if (parts.length == 2 && method.equals("GET")) {
                answer(exchange, method, path, 200, describe(name, resource, exchange));
                return;
            }
            if (parts.length == 2) {
                resources.remove(name);
                files.remove(name);
                writes.add("DELETE " + path.substring(API.length()));
                answer(exchange, method, path, 204, null);
                return;
            }
            String file = parts[2];
            if (method.equals("PUT")) {
                upload(exchange, name, file, path);
                return;
            }
            if (files.get(name).remove(file) == null) {
                json(exchange, 404, Map.of("status", 404, "message", "file not found"));
                return;
            }
            writes.add("DELETE " + path.substring(API.length()));
            answer(exchange, method, path, 204, null);
        }

        private ObjectNode describe(String name, JsonNode resource, HttpExchange exchange) {
            ObjectNode answer = ((ObjectNode) resource).deepCopy();
            answer.put("created", "2024-01-01T00:00:00Z");
            boolean asked = CdeJobsContract.query(exchange.getRequestURI().getRawQuery())
                    .getOrDefault("includeFiles", List.of())
                    .contains("true");
            FilesListing mode = listing;
            if (mode == FilesListing.NEVER || mode == FilesListing.WITH_INCLUDE_FILES && !asked) {
                return answer;
            }
            List<Map<String, Object>> listed = new ArrayList<>();
            files.getOrDefault(name, Map.of()).forEach((file, stored) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                if (mode == FilesListing.UNREADABLE_ENTRIES) {
                    entry.put("filePath", file);
                    entry.put("length", stored.size());
                } else {
                    entry.put("path", file);
                    entry.put("sizeBytes", stored.size());
                    signature(stored).ifPresent(s -> entry.put("signature", s));
                    entry.put("created", "2024-01-01T00:00:00Z");
                }
                listed.add(entry);
            });
            answer.set("files", JSON.valueToTree(listed));
            return answer;
        }

        private Optional<String> signature(StoredFile stored) {
            return switch (signatures) {
                case MD5 -> Optional.of(stored.md5());
                case NONE -> Optional.empty();
                case SHA256 ->
                    Optional.ofNullable(stored.content()).map(content -> HexFormat.of()
                            .formatHex(digest("SHA-256").digest(content)));
            };
        }

        private void upload(HttpExchange exchange, String resource, String file, String path) throws IOException {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("multipart/form-data")) {
                violations.record("PUT " + path + ": not multipart/form-data (cdepy uploads a multipart part 'file')");
                exchange.getRequestBody().readAllBytes();
                json(exchange, 400, Map.of("status", 400, "message", "multipart/form-data expected"));
                return;
            }
            MessageDigest md5 = digest("MD5");
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
            if (!"file".equals(part.name()) || !part.last()) {
                violations.record("PUT " + path + ": the multipart body must be exactly one part named 'file', was "
                        + part.name() + (part.last() ? "" : " and more parts"));
                json(exchange, 400, Map.of("status", 400, "message", "one part named file expected"));
                return;
            }
            files.get(resource)
                    .put(
                            file,
                            new StoredFile(
                                    size[0], HexFormat.of().formatHex(md5.digest()), keep ? kept.toByteArray() : null));
            writes.add("PUT " + path.substring(API.length()));
            answer(exchange, "PUT", path, 201, null);
        }

        private void jobs(HttpExchange exchange, String method, String[] parts, String path, JsonNode body)
                throws IOException {
            if (parts.length == 1) {
                String name = body.path("name").asText();
                if (name.length() > maxJobName) {
                    json(exchange, 400, Map.of("status", 400, "message", "job name is longer than " + maxJobName));
                    return;
                }
                if (jobs.putIfAbsent(name, (ObjectNode) body) != null) {
                    json(exchange, 409, Map.of("status", 409, "message", "job " + name + " already exists"));
                    return;
                }
                writes.add("POST /jobs " + name);
                answer(exchange, method, path, 201, null);
                return;
            }
            String name = parts[1];
            ObjectNode job = jobs.get(name);
            if (job == null) {
                json(exchange, 404, Map.of("status", 404, "message", "job not found"));
                return;
            }
            if (parts.length == 3) {
                writes.add("POST /jobs/" + name + "/run");
                int id;
                synchronized (this) {
                    id = ++runs;
                }
                answer(exchange, method, path, 201, Map.of("id", id, "job", name, "status", "starting"));
                return;
            }
            switch (method) {
                case "GET" -> answer(exchange, method, path, 200, reported(job));
                case "PATCH" -> {
                    body.fields().forEachRemaining(e -> job.set(e.getKey(), e.getValue()));
                    writes.add("PATCH /jobs/" + name);
                    answer(exchange, method, path, 204, null);
                }
                default -> {
                    jobs.remove(name);
                    writes.add("DELETE /jobs/" + name);
                    answer(exchange, method, path, 204, null);
                }
            }
        }

        /** The job as CDE reports it: with fields of its own, and the configuration it adds. */
        private ObjectNode reported(ObjectNode job) {
            ObjectNode answer = job.deepCopy();
            answer.put("created", "2024-01-01T00:00:00Z");
            answer.put("owner", "srv_meshprov");
            if (answer.path("schedule").isObject()) {
                ((ObjectNode) answer.path("schedule")).put("user", "srv_meshprov");
            }
            if (!addedConf.isEmpty() && answer.path("spark").isObject()) {
                ObjectNode spark = (ObjectNode) answer.path("spark");
                ObjectNode conf =
                        spark.path("conf").isObject() ? (ObjectNode) spark.path("conf") : spark.putObject("conf");
                addedConf.forEach(conf::put);
            }
            return answer;
        }

        /** Sends a normal answer ({@code body} null: none) after checking it against the contract. */
        private void answer(HttpExchange exchange, String method, String path, int status, Object body)
                throws IOException {
            String text = body == null ? null : JSON.writeValueAsString(body);
            List<String> problems = CdeJobsContract.judge()
                    .response(method, path, status, text == null ? null : "application/json", text);
            if (!problems.isEmpty()) {
                violations.record("the fake's own answer to " + method + " " + path + ": " + problems);
            }
            if (text == null) {
                empty(exchange, status);
            } else {
                send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
            }
        }

        private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
