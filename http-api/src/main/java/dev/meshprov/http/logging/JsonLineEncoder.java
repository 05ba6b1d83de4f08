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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * A logback encoder writing one flat JSON object per line: {@code timestamp} (ISO-8601, UTC), {@code level},
 * {@code logger}, {@code thread}, {@code message}, then every MDC entry ({@code traceId}, {@code taskId}) and every
 * key-value pair of the event as its own field, and {@code exception} (the stack trace) when there is one. A field
 * name already written is not written again, so the line stays valid JSON whatever the MDC holds.
 *
 * <p>Every request writes its lines through here, so an event costs no more than its line: the bytes are gathered in
 * a buffer kept per thread (only the returned line is new), and which names were written is read off the event
 * itself instead of being collected in a set.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte NEWLINE = '\n';
    /** The fields every line starts with. */
    private static final Set<String> FIXED = Set.of("timestamp", "level", "logger", "thread", "message");
    /** A thread's buffer is kept up to this size; one grown past it by a long stack trace is let go. */
    private static final int KEPT_BUFFER_BYTES = 16 * 1024;

    private static final ThreadLocal<ByteArrayOutputStream> BUFFER =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(1024));

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = BUFFER.get();
        out.reset();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField(
                    "timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField("message", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    if (isNew(entry.getKey())) {
                        json.writeStringField(entry.getKey(), entry.getValue());
                    }
                }
            }
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (int i = 0; i < pairs.size(); i++) {
                    KeyValuePair pair = pairs.get(i);
                    if (isNew(pair.key) && !inMdc(mdc, pair.key) && !inPairs(pairs, i, pair.key)) {
                        value(json, pair.key, pair.value);
                    }
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null
                    && !inMdc(mdc, "exception")
                    && !inPairs(pairs, pairs == null ? 0 : pairs.size(), "exception")) {
                json.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a log line", e);
        }
        out.write(NEWLINE);
        byte[] line = out.toByteArray();
        if (out.size() > KEPT_BUFFER_BYTES) {
            BUFFER.remove();
        }
        return line;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /** Whether a name may follow the fixed fields: not null, and not one of them. */
    private static boolean isNew(String name) {
        return name != null && !FIXED.contains(name);
    }

    private static boolean inMdc(Map<String, String> mdc, String name) {
        return mdc != null && mdc.containsKey(name);
    }

    /** Whether one of the first {@code count} pairs has the name. */
    private static boolean inPairs(List<KeyValuePair> pairs, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (name.equals(pairs.get(i).key)) {
                return true;
            }
        }
        return false;
    }

    private static void value(JsonGenerator json, String name, Object value) throws IOException {
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
