package dev.meshprov.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.http.wire.WireJson;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Writes the CLI's output, every line and every JSON document through the {@link Redactor}: a configured secret
 * never reaches stdout or stderr, whatever put it into the text.
 */
public final class Printer {

    private final PrintStream out;
    private final PrintStream err;
    private final Redactor redactor;

    public Printer(PrintStream out, PrintStream err, Redactor redactor) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /** A line of the result, on stdout. */
    public void line(String text) {
        out.println(redactor.redact(text));
        out.flush();
    }

    /** A line about what went wrong before there was a result, on stderr. */
    public void error(String text) {
        err.println(redactor.redact(text));
        err.flush();
    }

    /** A JSON document, indented, on stdout. */
    public void json(JsonNode document) {
        line(WireJson.writePretty(redactor.redact(document)));
    }
}
