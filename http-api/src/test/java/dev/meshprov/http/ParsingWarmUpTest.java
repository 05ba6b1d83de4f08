package dev.meshprov.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParsingWarmUpTest {

    /** A warm-up whose request no longer parses would load only part of what the first request needs. */
    @Test
    void theBuiltInRequestParsesToItsComponent() {
        assertThat(ParsingWarmUp.run()).isTrue();
    }
}
