package dev.meshprov.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactedThrowableTest {

    @Test
    void masksEveryMessageOfTheChainAndKeepsTheStackTraces() {
        Redactor redactor = new Redactor();
        redactor.register("canary-Qx81Zt");
        IllegalStateException cause = new IllegalStateException("password=hunter2x in the URL");
        RuntimeException original = new RuntimeException("login with canary-Qx81Zt failed", cause);

        RedactedThrowable copy = RedactedThrowable.of(original, redactor);
        StringWriter printed = new StringWriter();
        copy.printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString())
                .doesNotContain("canary-Qx81Zt", "hunter2x")
                .contains("java.lang.RuntimeException: login with *** failed", "password=***")
                .contains("RedactedThrowableTest.masksEveryMessageOfTheChainAndKeepsTheStackTraces");
        assertThat(copy.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(copy.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    }
}
