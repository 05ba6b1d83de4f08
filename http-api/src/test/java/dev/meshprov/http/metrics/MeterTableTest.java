package dev.meshprov.http.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A meter is registered once per combination of label values and found again without registering. */
class MeterTableTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> registered = new ArrayList<>();
    private final MeterTable<Timer> table = new MeterTable<>((a, b, c) -> {
        registered.add(a + " " + b + " " + c);
        return Timer.builder("t").tags("a", a, "b", b, "c", c).register(registry);
    });

    @Test
    void eachCombinationIsRegisteredOnceAndFoundAgain() {
        Timer first = table.get("POST", "/v1/validate", "200");
        Timer again = table.get("POST", "/v1/validate", "200");
        Timer other = table.get("POST", "/v1/validate", "400");
        table.get("GET", "/v1/validate", "200");

        assertThat(again).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(registered)
                .containsExactly("POST /v1/validate 200", "POST /v1/validate 400", "GET /v1/validate 200");
    }

    @Test
    void requestsOfOneRouteAndStatusAddUpInOneTimer() {
        Metrics metrics = Metrics.create();
        metrics.httpRequest("POST", "/v1/validate", 200, 2_000_000L);
        metrics.httpRequest("POST", "/v1/validate", 200, 4_000_000L);
        metrics.httpRequest("POST", "/v1/validate", 999, 1_000_000L);

        Timer timer = metrics.registry()
                .get("http.server.requests")
                .tags("method", "POST", "route", "/v1/validate", "status", "200")
                .timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
        assertThat(metrics.registry()
                        .get("http.server.requests")
                        .tags("status", "999")
                        .timer()
                        .count())
                .isEqualTo(1);
    }
}
