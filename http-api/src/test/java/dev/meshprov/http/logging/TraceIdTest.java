package dev.meshprov.http.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraceIdTest {

    @Test
    void generatedIdsAreDistinctVersion4UuidsThatAreTakenAsGiven() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = TraceId.generate();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(TraceId.isSafe(id)).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aSafeCallerIdIsKeptAndAnUnsafeOneReplaced() {
        assertThat(TraceId.accept("coordinator-42.a:b_c")).isEqualTo("coordinator-42.a:b_c");
        assertThat(TraceId.accept("bad id\nwith a newline")).isNotEqualTo("bad id\nwith a newline");
        assertThat(TraceId.accept("x".repeat(65))).hasSize(36);
        assertThat(TraceId.accept(null)).hasSize(36);
    }
}
