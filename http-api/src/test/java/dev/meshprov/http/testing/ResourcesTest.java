package dev.meshprov.http.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

    private final List<String> closed = new ArrayList<>();

    @Test
    void everyResourceIsClosedWhenOneFailsAndTheFirstFailureIsThrownWithTheLaterOnesSuppressed() {
        AssertionError violation = new AssertionError("contract broken");
        IllegalStateException later = new IllegalStateException("port busy");

        assertThatThrownBy(() -> Resources.closeAll(
                        named("server"), failing("airbyte", violation), failing("cdp", later), named("cde")))
                .isSameAs(violation)
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).containsExactly(later));
        assertThat(closed).containsExactly("server", "airbyte", "cdp", "cde");
    }

    @Test
    void aCheckedFailureIsWrapped() {
        Exception checked = new java.io.IOException("disk");

        assertThatThrownBy(() -> Resources.closeAll(() -> {
                    throw checked;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(checked);
    }

    private AutoCloseable named(String name) {
        return () -> closed.add(name);
    }

    private AutoCloseable failing(String name, Throwable failure) {
        return () -> {
            closed.add(name);
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        };
    }
}
