package dev.meshprov.http.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The JSON mapper of the wire format: strict when reading (duplicate keys and trailing content are errors), and
 * compact when writing. Shared by the HTTP API and the CLI's {@code --output json}.
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Writes to a stream it does not own: never flushes it (a flush would commit an HTTP response before its last
     * header is set) nor closes it; a character outside the BMP goes out as its four UTF-8 bytes, as
     * {@code String.getBytes} would encode it, not as two escaped surrogates.
     */
    private static final ObjectWriter STREAM_WRITER = MAPPER.writer()
            .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .without(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);

    private WireJson() {}

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses JSON text strictly. */
    static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** A tree of plain values (strings, numbers, booleans, lists and maps of those). */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The compact JSON text of a tree. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
    }

    /**
     * Writes the compact UTF-8 JSON of a tree to {@code out}: the bytes of {@link #write(JsonNode)} in UTF-8, without
     * the text in between (only an unpaired surrogate, which UTF-8 cannot carry, differs: an escape
     * instead of {@code ?}); leaves {@code out} open and unflushed.
     */
    public static void write(JsonNode node, OutputStream out) {
        try {
            STREAM_WRITER.writeValue(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON answer", e);
        }
    }

    /** The indented JSON text of a tree, for people (the CLI). */
    public static String writePretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
    }
}
