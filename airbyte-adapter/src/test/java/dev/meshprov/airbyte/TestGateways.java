package dev.meshprov.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.port.TechnologyContext;
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

    /** Short time-outs: an answer later than 400ms times out (the tests of slow answers rely on it). */
    static final String SHORT_TIMEOUTS = "timeouts: {connect: 1s, read: 400ms}\n";
    /** Time-outs a loaded machine does not reach, for tests whose answers must come in time. */
    static final String GENEROUS_TIMEOUTS = "timeouts: {connect: 2s, read: 5s}\n";

    private static final String QUICK_RETRIES = "retries: {maxAttempts: 3, initialBackoff: 5ms, maxBackoff: 20ms}\n";

    /** The {@code airbyte} section for {@code server}, with short time-outs and back-offs, plus {@code extraYaml}. */
    static ConfigSection section(FakeAirbyteServer server, String workspaceId, String extraYaml) {
        return section(server.apiUrl(), workspaceId, SHORT_TIMEOUTS, extraYaml);
    }

    /**
     * The {@code airbyte} section for the API at {@code apiUrl}: {@code extraYaml}, with {@code timeouts} and quick
     * back-offs unless it sets its own.
     */
    static ConfigSection section(String apiUrl, String workspaceId, String timeouts, String extraYaml) {
        String yaml = "apiUrl: " + apiUrl + "\n"
                + "workspaceId: " + workspaceId + "\n"
                + (extraYaml.contains("timeouts:") ? "" : timeouts)
                + (extraYaml.contains("retries:") ? "" : QUICK_RETRIES)
                + extraYaml;
        try {
            JsonNode node = new YAMLMapper().readTree(yaml);
            return new ConfigSection("airbyte", node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
