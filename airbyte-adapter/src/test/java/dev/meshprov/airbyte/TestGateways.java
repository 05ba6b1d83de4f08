package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds configurations, contexts and gateways pointing at a {@link FakeAirbyteServer}. */
final class TestGateways {

    private TestGateways() {}

    /** The {@code airbyte} section for {@code server}, with short time-outs and back-offs, plus {@code extraYaml}. */
    static ConfigSection section(FakeAirbyteServer server, String workspaceId, String extraYaml) {
        String yaml = "apiUrl: " + server.apiUrl() + "\n"
                + "workspaceId: " + workspaceId + "\n"
                + "timeouts: {connect: 1s, read: 400ms}\n"
                + "retries: {maxAttempts: 3, initialBackoff: 5ms, maxBackoff: 20ms}\n"
                + extraYaml;
        try {
            JsonNode node = new YAMLMapper().readTree(yaml);
            return new ConfigSection("airbyte", node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An observer that keeps every reported call. */
    static final class RecordingObserver implements UpstreamObserver {
        private final List<UpstreamCall> calls = new CopyOnWriteArrayList<>();

        @Override
        public void completed(UpstreamCall call) {
            calls.add(call);
        }

        List<UpstreamCall> calls() {
            return List.copyOf(calls);
        }
    }

    /** A sleeper that records the waits and does not wait. */
    static final class RecordingSleeper implements Sleeper {
        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public boolean sleep(Duration duration) {
            waits.add(duration);
            return true;
        }

        List<Duration> waits() {
            return List.copyOf(waits);
        }
    }

    static TechnologyContext context(Clock clock, Redactor redactor, UpstreamObserver observer) {
        return new TechnologyContext(clock, redactor, Path.of("."), observer);
    }

    /** A gateway built like the provider builds it, with the given sleeper. */
    static FeignAirbyteGateway gateway(ConfigSection section, TechnologyContext context, Sleeper sleeper) {
        var resolved = section.bind(AirbyteConfig.class).flatMap(config -> ConfigChecks.check(config, "airbyte"));
        if (resolved.isInvalid()) {
            throw new AssertionError("bad test configuration: " + resolved.getError());
        }
        return GatewayFactory.create(resolved.get(), context, sleeper);
    }
}
