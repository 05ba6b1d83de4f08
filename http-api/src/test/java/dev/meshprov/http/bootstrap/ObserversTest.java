package dev.meshprov.http.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.http.logging.CapturedLog;
import dev.meshprov.http.logging.LoggingSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObserversTest {

    private static final String CANARY = "observer-canary-9Tq2";

    @Test
    void anObserverThatThrowsIsLoggedRedactedAndTheOthersStillObserve() {
        Redactor redactor = new Redactor();
        redactor.register(CANARY);
        List<UpstreamCall> seen = new ArrayList<>();
        UpstreamObserver failing = call -> {
            throw new IllegalStateException("cannot export with token " + CANARY);
        };
        UpstreamObserver fanOut = Observers.upstream(List.of(failing, seen::add), redactor);
        UpstreamCall call = sampleCall();

        try (CapturedLog log =
                new CapturedLog(new LoggingSettings(LoggingSettings.Format.TEXT, LoggingSettings.Level.INFO))) {
            assertThatCode(() -> fanOut.completed(call)).doesNotThrowAnyException();

            assertThat(seen).containsExactly(call);
            assertThat(log.text())
                    .contains("an upstream observer failed", "cannot export with token ***")
                    .doesNotContain(CANARY);
        }
    }

    private static UpstreamCall sampleCall() {
        return new UpstreamCall("S3", "HeadObject", "s3://bucket/key", "200", Duration.ofMillis(3), 1);
    }
}
