package dev.meshprov.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class QuietLoggingDefaultTest {

    @Test
    void logbackFindsItAsItsConfiguration() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(QuietLoggingDefault.class);
    }

    @Test
    void logsWarningsAsPlainTextOnStderrAndNothingBelow() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());

        Configurator.ExecutionStatus status =
                new QuietLoggingDefault(new PrintStream(err, true, StandardCharsets.UTF_8)).configure(context);
        context.getLogger("dev.meshprov.test").info("not shown");
        context.getLogger("org.eclipse.jetty.server.Server").info("jetty chatter");
        context.getLogger("dev.meshprov.test").warn("shown");

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .matches("\\S+ WARN  \\[[^]]*] dev\\.meshprov\\.test \\[] - shown\\n");
    }
}
