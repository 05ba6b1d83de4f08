package dev.meshprov.http.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * A logback encoder writing one flat JSON object per line: {@code timestamp} (ISO-8601, UTC), {@code level},
 * {@code logger}, {@code thread}, {@code message}, then every MDC entry ({@code traceId}, {@code taskId}) and every
 * key-value pair of the event as its own field, and {@code exception} (the stack trace) when there is one. A field
 * name already written is not written again, so the line stays valid JSON whatever the MDC holds.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] NEWLINE = {'\n'};

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            Set<String> written = new HashSet<>();
            json.writeStartObject();
            field(
                    json,
                    written,
                    "timestamp",
                    Instant.ofEpochMilli(event.getTimeStamp()).toString());
            field(json, written, "level", event.getLevel().toString());
            field(json, written, "logger", event.getLoggerName());
            field(json, written, "thread", event.getThreadName());
            field(json, written, "message", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    field(json, written, entry.getKey(), entry.getValue());
                }
            }
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair pair : event.getKeyValuePairs()) {
                    value(json, written, pair.key, pair.value);
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                field(json, written, "exception", ThrowableProxyUtil.asString(thrown));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a log line", e);
        }
        out.writeBytes(NEWLINE);
        return out.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private static void field(JsonGenerator json, Set<String> written, String name, String value) throws IOException {
        if (name != null && written.add(name)) {
            json.writeStringField(name, value);
        }
    }

    private static void value(JsonGenerator json, Set<String> written, String name, Object value) throws IOException {
        if (name == null || !written.add(name)) {
            return;
        }
        json.writeFieldName(name);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value == null) {
            json.writeNull();
        } else {
            json.writeString(String.valueOf(value));
        }
    }
}
