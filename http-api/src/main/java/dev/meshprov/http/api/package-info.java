/**
 * The Specific Provisioner API 2.2.0 on Javalin: the routes (at the root and under each technology's prefix),
 * reading requests and answering through the wire mapping, the mapping of the facade's outcomes to status codes in
 * one place, the health probes, the error answers, and what operators use around the contract: {@code GET /metrics}
 * (Prometheus), {@code GET /docs} (Swagger UI of {@code GET /openapi.yaml}), the {@code traceId} correlation id of
 * each request and the request log. Only the {@link dev.meshprov.http.api.ApiRoutes} installer is
 * public; no use case logic lives here — it is all behind {@link dev.meshprov.core.service.Provisioner}.
 */
package dev.meshprov.http.api;
