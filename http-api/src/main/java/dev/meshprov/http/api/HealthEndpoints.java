package dev.meshprov.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Registration;
import dev.meshprov.http.wire.WireJson;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /health/live} (200 while the process runs) and {@code GET /health/ready}: always 200, reporting each
 * enabled technology's readiness and each disabled technology with how to enable it. A technology that cannot reach
 * its upstream makes the status {@code DEGRADED}, not the probe fail: the other technologies still serve. Under a
 * technology's prefix ({@code /mwaa/health/ready}) only that technology is reported.
 */
final class HealthEndpoints {

    private final Provisioner provisioner;
    private final Responder responder;

    HealthEndpoints(Provisioner provisioner, Responder responder) {
        this.provisioner = provisioner;
        this.responder = responder;
    }

    void live(Context ctx) {
        ObjectNode body = WireJson.object();
        body.put("status", "UP");
        responder.json(ctx, 200, body);
    }

    /** The readiness of every technology, or only of {@code technology} (under its prefix). */
    void ready(Context ctx, Optional<String> technology) {
        Map<String, Readiness> readiness =
                technology.map(provisioner::readiness).orElseGet(provisioner::readiness);
        ObjectNode body = WireJson.object();
        boolean allReady = !readiness.isEmpty() && readiness.values().stream().allMatch(Readiness::ready);
        body.put("status", allReady ? "UP" : "DEGRADED");
        ObjectNode enabled = body.putObject("technologies");
        ObjectNode disabled = body.putObject("disabled");
        for (Registration registration : provisioner.technologies()) {
            if (technology.isPresent() && !technology.get().equals(registration.name())) {
                continue;
            }
            Readiness state = readiness.get(registration.name());
            if (state == null) {
                disabled.put(registration.name(), registration.descriptor().enableHint());
                continue;
            }
            ObjectNode entry = enabled.putObject(registration.name());
            entry.put("ready", state.ready());
            entry.put("detail", state.detail());
            entry.put("mode", registration.mode().name().toLowerCase(Locale.ROOT));
        }
        responder.json(ctx, 200, body);
    }
}
