package dev.meshprov.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Writing a tree to a stream gives the UTF-8 bytes of its text, and leaves the stream open and unflushed. */
class WireJsonStreamTest {

    @Test
    void theStreamGetsTheUtf8BytesOfTheText() {
        ObjectNode node = WireJson.object();
        node.put("valid", false);
        node.putObject("error")
                .putArray("errors")
                .add("é — tab\t, quote \", control \u0001, line separator \u2028, emoji \uD83D\uDE00");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireJson.write(node, out);

        assertThat(out.toByteArray()).isEqualTo(WireJson.write(node).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnpairedSurrogateIsEscapedRatherThanLost() {
        JsonNode node = WireJson.tree("x\uD800y");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireJson.write(node, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\"x\\uD800y\"");
    }

    @Test
    void theStreamIsNeitherFlushedNorClosed() {
        AtomicBoolean flushedOrClosed = new AtomicBoolean();
        OutputStream response = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushedOrClosed.set(true);
            }

            @Override
            public void close() throws IOException {
                flushedOrClosed.set(true);
            }
        };

        WireJson.write(WireJson.tree("answer"), response);

        assertThat(flushedOrClosed).isFalse();
    }
}
