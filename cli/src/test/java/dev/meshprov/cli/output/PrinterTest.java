package dev.meshprov.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.http.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every line and document the CLI prints passes through the redactor. */
class PrinterTest {

    private static final String SECRET = "s3cr3t-Canary-99";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Redactor redactor = new Redactor();
    private final Printer printer = new Printer(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            redactor);

    @Test
    void aRegisteredSecretNeverReachesEitherStream() {
        redactor.register(SECRET);
        ObjectNode document = WireJson.object().put("message", "login with " + SECRET + " failed");
        document.put("password", "any value");

        printer.line("result: " + SECRET);
        printer.error("meshprov: " + SECRET);
        printer.json(document);
        for (OutputFormat format : OutputFormat.values()) {
            Renderer renderer = format.renderer(printer);
            renderer.rejected(Action.PROVISION, List.of(Problem.of("x." + SECRET, "is " + SECRET, "Drop " + SECRET)));
            renderer.failed(Action.UNPROVISION, "upstream said " + SECRET, List.of());
        }

        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain(SECRET).doesNotContain("any value").contains("***");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("meshprov: ***\n");
    }
}
