package dev.meshprov.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(10));

    @RepeatedTest(20)
    void backsOffExponentiallyWithJitterUpToTheCap() {
        assertThat(policy.delay(1, Optional.empty())).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(policy.delay(2, Optional.empty())).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(policy.delay(3, Optional.empty())).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
        assertThat(policy.delay(30, Optional.empty())).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
    }

    @Test
    void honoursRetryAfterUpToItsBound() {
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(1, Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void noneIsOneAttempt() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.none().delay(1, Optional.empty())).isZero();
    }

    @Test
    void readsRetryAfterInSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

        assertThat(RetryAfter.parse(" 7 ", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }
}
