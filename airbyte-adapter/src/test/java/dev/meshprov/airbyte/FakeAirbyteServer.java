package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meshprov.airbyte.FakeAirbyteApi.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An in-process Airbyte on 127.0.0.1 that judges its clients by Airbyte's own published contract. Every request is
 * checked against the vendored public API document (path, method, query, body) and every connector configuration
 * against its connector's vendored specification; schedules are checked by the public API's rules. A request that
 * breaks them is answered as the real server answers (its 400, 404, 405 or 422) <b>and recorded</b>, and so is an
 * answer of this server that does not match the document's response schemas or the problems document: the
 * recorded {@link ContractViolation}s fail the test that caused them when the server is closed (or at
 * {@link #assertNoContractViolations()}), unless the test takes them with {@link #takeViolations()} because it
 * sends a bad request on purpose. Behind the judge, {@link FakeAirbyteApi} behaves as Airbyte does (entities,
 * pagination, merge on PATCH and replacement on PUT, masked secrets, token endpoint). Faults can be injected per
 * call: an error status (with {@code Retry-After}), a slow answer after the work is done, a dropped connection, or a
 * raw body; injected answers are deliberate and not judged.
 */
public final class FakeAirbyteServer implements AutoCloseable {

    public static final String BASE = "/api/public";
    public static final int DEFAULT_PAGE_SIZE = 20;
    private static final String TOKEN_PATH = "/v1/applications/token";

    /**
     * A break of Airbyte's contract seen by the server.
     *
     * @param kind {@code request} (breaks the public API document), {@code refused} (breaks a rule the server
     *     enforces: a connector's specification, the schedule rules, a connector name), or {@code answer} (this
     *     server's own answer breaks the document: a bug of the fake)
     * @param request the request line, e.g. {@code POST /v1/sources}
     * @param detail what is wrong
     */
    public record ContractViolation(String kind, String request, String detail) {
        @Override
        public String toString() {
            return kind + " " + request + ": " + detail;
        }
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

        /** Answers {@code status} with exactly {@code body} (not judged: a proxy's page, a broken answer...). */
        public static Fault raw(String method, String pathRegex, int status, String body) {
            return new Fault(method, Pattern.compile(pathRegex), status, null, Duration.ZERO, false, body, false);
        }

        /** Answers the problem the real server answers with {@code status}, saying {@code message} in its data. */
        public static Fault refuse(String method, String pathRegex, int status, String message) {
            return new Fault(
                    method, Pattern.compile(pathRegex), status, null, Duration.ZERO, false, "\0" + message, false);
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
    private final AirbyteContract contract = AirbyteContract.get();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final FakeAirbyteApi airbyte;

    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final List<ContractViolation> violations = new ArrayList<>();
    private final AtomicInteger judgedAnswers = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    private FakeAirbyteServer() throws IOException {
        // without TCP_NODELAY, small answers wait for delayed ACKs (about 40 ms per call)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        airbyte = new FakeAirbyteApi(apiUrl());
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

    /** Stops the server; fails (an {@link AssertionError}) when it saw contract violations nobody took. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        assertNoContractViolations();
    }

    // ------------------------------------------------------------------ the judge

    /** Fails when the server saw a contract violation that no test took, naming each. */
    public synchronized void assertNoContractViolations() {
        if (!violations.isEmpty()) {
            List<ContractViolation> seen = List.copyOf(violations);
            violations.clear();
            throw new AssertionError("the local Airbyte server saw " + seen.size() + " break(s) of Airbyte's contract"
                    + " (vendor/airbyte/README.md):\n  "
                    + seen.stream().map(ContractViolation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** The violations seen so far, which are then no longer reported: for tests that break the contract on purpose. */
    public synchronized List<ContractViolation> takeViolations() {
        List<ContractViolation> taken = List.copyOf(violations);
        violations.clear();
        return taken;
    }

    /** How many of this server's own answers were judged against the contract so far. */
    public int judgedAnswers() {
        return judgedAnswers.get();
    }

    // ------------------------------------------------------------------ set-up and inspection

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE;
    }

    public synchronized FakeAirbyteServer workspace(String id, String name) {
        airbyte.workspace(id, name);
        return this;
    }

    /** Requires client credentials {@code clientId}/{@code clientSecret}; tokens live {@code lifetime} seconds. */
    public synchronized FakeAirbyteServer requireClientCredentials(
            String clientId, String clientSecret, long lifetimeSeconds) {
        airbyte.requireAuth(FakeAirbyteApi.Auth.CLIENT_CREDENTIALS, clientId, clientSecret, lifetimeSeconds);
        return this;
    }

    public synchronized FakeAirbyteServer requireBearer(String token) {
        airbyte.requireAuth(FakeAirbyteApi.Auth.BEARER, token, null, 0);
        return this;
    }

    public synchronized FakeAirbyteServer requireBasic(String username, String password) {
        airbyte.requireAuth(FakeAirbyteApi.Auth.BASIC, username, password, 0);
        return this;
    }

    /** Lets every issued token expire now (Airbyte restarted, or the token aged). */
    public synchronized void expireTokens() {
        airbyte.expireTokens();
    }

    /** The largest page the server returns whatever the client asks (Airbyte: 100). */
    public synchronized FakeAirbyteServer maxPageSize(int size) {
        airbyte.maxPageSize(size);
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

    /** Stores a source or destination as if created in the Airbyte UI (of a connector not vendored); its id. */
    public synchronized String seed(String collection, String workspaceId, String name, ObjectNode configuration) {
        return airbyte.seed(collection, workspaceId, name, configuration);
    }

    public synchronized void removeDirectly(String collection, String id) {
        airbyte.removeDirectly(collection, id);
    }

    /** The stored entities of a collection, unmasked; schedules as stored (without their {@code UTC}). */
    public synchronized List<ObjectNode> stored(String collection) {
        return airbyte.stored(collection);
    }

    /** Requests that change state (POST, PATCH, PUT, DELETE; not token requests), received so far. */
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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (RuntimeException | LinkageError e) {
            violation(
                    "answer",
                    exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                    "the local Airbyte server failed: " + e);
            throw e;
        }
    }

    private void serve(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod();
            String fullPath = exchange.getRequestURI().getRawPath();
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            byte[] body = exchange.getRequestBody().readAllBytes();
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String path = fullPath.startsWith(BASE + "/") ? fullPath.substring(BASE.length()) : fullPath;
            String line = method + " " + path + (query.isEmpty() ? "" : "?" + query);
            Optional<Fault> fault = record(method, path, line);
            Optional<Answer> refused = judgeRequest(method, fullPath, query, contentType, body, line);
            if (refused.isPresent()) {
                write(exchange, refused.get());
                return;
            }
            if (fault.isPresent() && fault.get().drop()) {
                return;
            }
            if (fault.isPresent() && fault.get().status() > 0) {
                answerFault(exchange, fault.get(), body);
                return;
            }
            Answer answer;
            synchronized (this) {
                answer = airbyte.route(
                        method,
                        path,
                        params(query),
                        body.length == 0 ? json.createObjectNode() : json.readTree(body),
                        exchange.getRequestHeaders().getFirst("Authorization"));
                answer.refusal().ifPresent(why -> violation("refused", line, why));
            }
            judgeAnswer(method, fullPath, line, answer);
            if (fault.isPresent() && !fault.get().delay().isZero()) {
                sleep(fault.get().delay());
            }
            write(exchange, answer);
        } catch (IOException e) {
            // the client went away (e.g. after its time-out)
        }
    }

    /**
     * The real server's answer to a request that breaks the document, after recording the break: 404 for an unknown
     * path, 405 for a method the path does not have, else 400; the body only carries an error id, as the platform's
     * {@code InvalidInputExceptionHandler} answers.
     */
    private Optional<Answer> judgeRequest(
            String method, String fullPath, String query, String contentType, byte[] body, String line) {
        List<String> errors = fullPath.startsWith(BASE + "/")
                ? contract.request(
                        method, fullPath.substring(AirbyteContract.SERVER_PATH.length()), query, contentType, body)
                : List.of("validation.request.path.missing: " + fullPath + " is not below " + BASE);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        errors.forEach(error -> violation("request", line, error));
        int status = errors.stream().anyMatch(e -> e.startsWith("validation.request.path.missing"))
                ? 404
                : errors.stream().anyMatch(e -> e.startsWith("validation.request.operation.notAllowed")) ? 405 : 400;
        return Optional.of(Answer.of(
                status, json.createObjectNode().put("errorId", UUID.randomUUID().toString())));
    }

    /** Checks this server's own answer: a success by the document, a problem by the problems document. */
    private void judgeAnswer(String method, String fullPath, String line, Answer answer) {
        List<String> errors;
        byte[] body = answer.body() == null ? new byte[0] : bytes(answer.body());
        if (answer.status() < 300) {
            errors = contract.answer(
                    method,
                    fullPath.substring(AirbyteContract.SERVER_PATH.length()),
                    answer.status(),
                    answer.body() == null ? null : "application/json",
                    body);
        } else {
            errors = contract.problemOf(answer.body())
                    .map(problem -> contract.problemViolations(problem, answer.body()))
                    .orElse(List.of("the answer " + answer.status() + " is no problem of the problems document"));
        }
        judgedAnswers.incrementAndGet();
        errors.forEach(error -> violation("answer", line, error));
    }

    private synchronized void violation(String kind, String line, String detail) {
        violations.add(new ContractViolation(kind, line, detail));
    }

    private void answerFault(HttpExchange exchange, Fault fault, byte[] request) throws IOException {
        if (fault.rawBody() != null && fault.rawBody().startsWith("\0")) {
            ObjectNode body = injectedProblem(fault.status());
            body.putObject("data").put("message", fault.rawBody().substring(1));
            write(exchange, Answer.of(fault.status(), body));
            return;
        }
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
            ObjectNode data = json.createObjectNode()
                    .put("message", "$.credentials: the credentials in " + echoed + " were refused");
            ObjectNode body = contract.problem("UnprocessableEntityProblemResponse", null, data);
            body.putArray("validationErrors")
                    .add("$.credentials: the credentials in " + echoed + " were refused")
                    .addObject()
                    .put("property", "$.configuration")
                    .put("message", "invalid value " + echoed);
            data.set("request", request.length == 0 ? null : json.readTree(request));
            write(exchange, Answer.of(422, body));
            return;
        }
        Map<String, String> headers = fault.retryAfter() == null ? Map.of() : Map.of("Retry-After", fault.retryAfter());
        ObjectNode body = injectedProblem(fault.status());
        write(exchange, new Answer(fault.status(), body, headers, Optional.empty()));
    }

    /** The problem body the real server answers with this status, from the problems document. */
    private ObjectNode injectedProblem(int status) {
        String problem =
                switch (status) {
                    case 400 -> "BadRequestProblemResponse";
                    case 401 -> "InvalidApiKeyProblemResponse";
                    case 403 -> "ForbiddenProblemResponse";
                    case 404 -> "ResourceNotFoundProblemResponse";
                    case 409 -> "StateConflictProblemResponse";
                    case 422 -> "UnprocessableEntityProblemResponse";
                    case 503 -> "ServiceUnavailableProblemResponse";
                    default -> "UnexpectedProblemResponse";
                };
        ObjectNode body = contract.problem(problem, null, null);
        body.put("status", status);
        return body;
    }

    private synchronized Optional<Fault> record(String method, String path, String line) {
        requests.add(line);
        boolean token = path.equals(TOKEN_PATH);
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

    // ------------------------------------------------------------------ helpers

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

    private byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = bytes(answer.body());
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
