package dev.meshprov.cde;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CDP control plane's DE endpoints on loopback: verifies every request's {@code x-altus-auth} signature with
 * the test key's public half (401 when missing or wrong, 403 for another access key), keeps services and virtual
 * clusters, counts calls per operation, and can be told to answer the next calls with a given status.
 */
public final class FakeCdpServer extends LoopbackServer {

    record Service(String name, String clusterId, String status, String clusterFqdn) {}

    record Vc(String vcId, String name, String clusterId, String status, String apiUrl, String uiUrl) {}

    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final Map<String, Vc> vcs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();

    private FakeCdpServer(Handler handler) {
        super(handler::handle);
        handler.server = this;
    }

    public static FakeCdpServer create(String accessKeyId, PublicKey publicKey, String algorithm) {
        return new FakeCdpServer(new Handler(accessKeyId, publicKey, algorithm));
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

    private static final class Handler {
        private final String accessKeyId;
        private final PublicKey publicKey;
        private final String algorithm;
        private FakeCdpServer server;

        Handler(String accessKeyId, PublicKey publicKey, String algorithm) {
            this.accessKeyId = accessKeyId;
            this.publicKey = publicKey;
            this.algorithm = algorithm;
        }

        void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String operation = path.substring(path.lastIndexOf('/') + 1);
            server.calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            JsonNode body = body(exchange);
            int verdict = verify(exchange, path);
            if (verdict != 200) {
                json(
                        exchange,
                        verdict,
                        Map.of(
                                "code",
                                verdict == 401 ? "UNAUTHENTICATED" : "FORBIDDEN",
                                "message",
                                "request signature rejected"));
                return;
            }
            Integer status = server.nextStatuses.poll();
            if (status != null) {
                if (status == 429) {
                    exchange.getResponseHeaders().set("Retry-After", "0");
                }
                json(exchange, status, Map.of("code", "INJECTED", "message", "injected " + status));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                json(exchange, 405, Map.of("message", "POST only"));
                return;
            }
            switch (operation) {
                case "listServices" -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    server.services
                            .values()
                            .forEach(s -> list.add(Map.of(
                                    "name",
                                    s.name(),
                                    "clusterId",
                                    s.clusterId(),
                                    "environmentName",
                                    "env",
                                    "status",
                                    s.status(),
                                    "creatorEmail",
                                    "someone@example.com")));
                    json(exchange, 200, Map.of("services", list));
                }
                case "describeService" -> {
                    String clusterId = body.path("clusterId").asText();
                    var service = server.services.values().stream()
                            .filter(s -> s.clusterId().equals(clusterId))
                            .findFirst();
                    if (service.isEmpty()) {
                        json(exchange, 404, Map.of("code", "NOT_FOUND", "message", "no service " + clusterId));
                    } else {
                        json(
                                exchange,
                                200,
                                Map.of(
                                        "service",
                                        Map.of(
                                                "name",
                                                service.get().name(),
                                                "clusterId",
                                                clusterId,
                                                "status",
                                                service.get().status(),
                                                "clusterFqdn",
                                                service.get().clusterFqdn(),
                                                "environmentCrn",
                                                "crn:env")));
                    }
                }
                case "listVcs" -> {
                    String clusterId = body.path("clusterId").asText();
                    List<Map<String, Object>> list = new ArrayList<>();
                    server.vcs.values().stream()
                            .filter(v -> v.clusterId().equals(clusterId))
                            .forEach(v -> list.add(Map.of(
                                    "vcId",
                                    v.vcId(),
                                    "vcName",
                                    v.name(),
                                    "clusterId",
                                    clusterId,
                                    "status",
                                    v.status(),
                                    "VcUiUrl",
                                    v.uiUrl())));
                    json(exchange, 200, Map.of("vcs", list));
                }
                case "describeVc" -> {
                    String clusterId = body.path("clusterId").asText();
                    String vcId = body.path("vcId").asText();
                    var vc = server.vcs.values().stream()
                            .filter(v ->
                                    v.clusterId().equals(clusterId) && v.vcId().equals(vcId))
                            .findFirst();
                    if (vc.isEmpty()) {
                        json(exchange, 404, Map.of("code", "NOT_FOUND", "message", "no vc " + vcId));
                    } else {
                        Map<String, Object> detail = new LinkedHashMap<>();
                        detail.put("vcId", vcId);
                        detail.put("vcName", vc.get().name());
                        detail.put("status", vc.get().status());
                        detail.put("vcApiUrl", vc.get().apiUrl());
                        detail.put("VcUiUrl", vc.get().uiUrl());
                        json(exchange, 200, Map.of("vc", detail));
                    }
                }
                default ->
                    json(exchange, 404, Map.of("code", "NOT_FOUND", "message", "unknown operation " + operation));
            }
        }

        private int verify(HttpExchange exchange, String path) {
            String auth = exchange.getRequestHeaders().getFirst("x-altus-auth");
            String date = exchange.getRequestHeaders().getFirst("x-altus-date");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (auth == null || date == null || !auth.contains(".")) {
                return 401;
            }
            try {
                String[] parts = auth.split("\\.", 2);
                JsonNode params = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
                String method = params.path("auth_method").asText();
                if (!accessKeyId.equals(params.path("access_key_id").asText())) {
                    return 403;
                }
                String toSign = exchange.getRequestMethod() + "\n" + (contentType == null ? "" : contentType) + "\n"
                        + date + "\n" + path + "\n" + method;
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(publicKey);
                verifier.update(toSign.getBytes(StandardCharsets.UTF_8));
                return verifier.verify(Base64.getUrlDecoder().decode(parts[1])) ? 200 : 401;
            } catch (Exception e) {
                return 401;
            }
        }
    }
}
