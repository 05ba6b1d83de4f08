package dev.meshprov.cde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CDP control plane's DE endpoints on loopback, judging every request by CDP's own published contract: the
 * signature by the rules of cdpcli and the CDP Java SDK ({@link CdpSignatureRules}), the path, method and body by
 * {@code de.yaml}'s request definitions ({@link CdpContract}); its own answers are built from and checked against
 * {@code de.yaml}'s response definitions. A violation is answered as CDP answers (an {@code Error} body: 400
 * {@code INVALID_ARGUMENT}, 401 for a bad signature, 403 for an unknown access key) and recorded, and {@link #close()}
 * fails the test that caused it (see {@link ContractViolations}). Keeps services and virtual clusters, counts calls
 * per operation, and can be told to answer the next calls with a given status.
 */
public final class FakeCdpServer extends LoopbackServer {

    record Service(String name, String clusterId, String status, String clusterFqdn) {}

    record Vc(String vcId, String name, String clusterId, String status, String apiUrl, String uiUrl) {}

    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final Map<String, Vc> vcs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
    private final ContractViolations violations = new ContractViolations("FakeCdpServer (de.yaml, CDP signing)");

    private FakeCdpServer(Handler handler) {
        super(handler::handle);
        handler.server = this;
    }

    /** A server knowing one access key: its id and public key (Ed25519, RSA or EC). */
    public static FakeCdpServer create(String accessKeyId, PublicKey publicKey) {
        FakeCdpServer server = new FakeCdpServer(new Handler());
        server.keys.put(accessKeyId, publicKey);
        return server;
    }

    /** Like {@link #create(String, PublicKey)}; {@code algorithm} must name the key's algorithm. */
    public static FakeCdpServer create(String accessKeyId, PublicKey publicKey, String algorithm) {
        if (!publicKey.getAlgorithm().equalsIgnoreCase(algorithm)
                && !(algorithm.equals("Ed25519") && publicKey.getAlgorithm().equals("EdDSA"))) {
            throw new IllegalArgumentException(
                    "a " + publicKey.getAlgorithm() + " key is not an " + algorithm + " key");
        }
        return create(accessKeyId, publicKey);
    }

    /** What the judge found; a test that breaks the contract on purpose declares it here. */
    public ContractViolations violations() {
        return violations;
    }

    public void addService(String name, String status, String clusterFqdn) {
        services.put(name, new Service(name, "cluster-" + name, status, clusterFqdn));
    }

    public void removeService(String name) {
        services.remove(name);
    }

    public void addVc(String serviceName, String name, String status, String apiUrl) {
        String clusterId = services.get(serviceName).clusterId();
        vcs.put(
                clusterId + "/" + name,
                new Vc("vc-" + name, name, clusterId, status, apiUrl, "https://ui.example/" + name + "/dex/ui/"));
    }

    /** Answers the next calls with these statuses, one each, before answering normally again. */
    void failNext(Integer... statuses) {
        nextStatuses.addAll(List.of(statuses));
    }

    int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    void resetCounts() {
        calls.clear();
    }

    /** Stops the server, then fails if a request broke the contract (unless the test declared it would). */
    @Override
    public void close() {
        super.close();
        violations.verify();
    }

    private static final class Handler {
        private FakeCdpServer server;

        void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String operation = path.substring(path.lastIndexOf('/') + 1);
            server.calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");

            CdpSignatureRules.Outcome signature = CdpSignatureRules.check(
                    method,
                    path,
                    contentType,
                    exchange.getRequestHeaders().getFirst("x-altus-date"),
                    exchange.getRequestHeaders().getFirst("x-altus-auth"),
                    server.keys);
            if (!signature.valid()) {
                server.violations.record(method + " " + path + ": signature: " + signature.detail());
                boolean unknownKey = signature.verdict() == CdpSignatureRules.Verdict.UNKNOWN_ACCESS_KEY;
                error(
                        exchange,
                        unknownKey ? 403 : 401,
                        unknownKey ? "FORBIDDEN" : "UNAUTHENTICATED",
                        signature.detail());
                return;
            }
            List<String> problems =
                    CdpContract.judge().request(method, path, Map.of(), contentType, text.isEmpty() ? null : text);
            if (!problems.isEmpty()) {
                server.violations.record(method + " " + path + " " + text + ": " + problems);
                error(exchange, 400, "INVALID_ARGUMENT", String.join("; ", problems));
                return;
            }
            Integer status = server.nextStatuses.poll();
            if (status != null) {
                if (status == 429) {
                    exchange.getResponseHeaders().set("Retry-After", "0");
                }
                error(exchange, status, "INJECTED", "injected " + status);
                return;
            }
            JsonNode body = JSON.readTree(text);
            Optional<Object> answer =
                    switch (operation) {
                        case "listServices" -> Optional.of(Map.of("services", services()));
                        case "describeService" ->
                            describeService(body.path("clusterId").asText());
                        case "listVcs" ->
                            Optional.of(Map.of("vcs", vcs(body.path("clusterId").asText())));
                        case "describeVc" ->
                            describeVc(
                                    body.path("clusterId").asText(),
                                    body.path("vcId").asText());
                        default -> Optional.empty();
                    };
            if (answer.isEmpty()) {
                error(exchange, 404, "NOT_FOUND", "not found");
                return;
            }
            answer(exchange, method, path, 200, answer.get());
        }

        private List<Map<String, Object>> services() {
            List<Map<String, Object>> list = new ArrayList<>();
            server.services.values().forEach(s -> {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("name", s.name());
                summary.put("clusterId", s.clusterId());
                summary.put("environmentName", "env");
                summary.put("status", s.status());
                summary.put("creatorEmail", "someone@example.com");
                list.add(summary);
            });
            return list;
        }

        private Optional<Object> describeService(String clusterId) {
            return server.services.values().stream()
                    .filter(s -> s.clusterId().equals(clusterId))
                    .findFirst()
                    .map(s -> {
                        Map<String, Object> description = new LinkedHashMap<>();
                        description.put("name", s.name());
                        description.put("clusterId", clusterId);
                        description.put("environmentName", "env");
                        description.put("environmentCrn", "crn:cdp:environments:us-west-1:tenant:environment:env");
                        description.put("status", s.status());
                        description.put("clusterFqdn", s.clusterFqdn());
                        return Map.of("service", description);
                    });
        }

        private List<Map<String, Object>> vcs(String clusterId) {
            List<Map<String, Object>> list = new ArrayList<>();
            server.vcs.values().stream()
                    .filter(v -> v.clusterId().equals(clusterId))
                    .forEach(v -> {
                        Map<String, Object> summary = new LinkedHashMap<>();
                        summary.put("vcId", v.vcId());
                        summary.put("vcName", v.name());
                        summary.put("clusterId", clusterId);
                        summary.put("status", v.status());
                        summary.put("VcUiUrl", v.uiUrl());
                        list.add(summary);
                    });
            return list;
        }

        private Optional<Object> describeVc(String clusterId, String vcId) {
            return server.vcs.values().stream()
                    .filter(v -> v.clusterId().equals(clusterId) && v.vcId().equals(vcId))
                    .findFirst()
                    .map(v -> {
                        Map<String, Object> detail = new LinkedHashMap<>();
                        detail.put("vcId", vcId);
                        detail.put("vcName", v.name());
                        detail.put("clusterId", clusterId);
                        detail.put("status", v.status());
                        detail.put("vcApiUrl", v.apiUrl());
                        detail.put("VcUiUrl", v.uiUrl());
                        return Map.of("vc", detail);
                    });
        }

        /** Sends a normal answer after checking it against de.yaml's response definition. */
        private void answer(HttpExchange exchange, String method, String path, int status, Object body)
                throws IOException {
            String text = text(body);
            List<String> problems = CdpContract.judge().response(method, path, status, "application/json", text);
            if (!problems.isEmpty()) {
                server.violations.record("the fake's own answer to " + path + " " + text + ": " + problems);
            }
            send(exchange, status, text);
        }

        /** An {@code Error} of de.yaml: {@code {code, message}}. */
        private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
            send(exchange, status, text(Map.of("code", code, "message", message)));
        }

        private static String text(Object body) throws JsonProcessingException {
            return JSON.writeValueAsString(body);
        }

        private static void send(HttpExchange exchange, int status, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
