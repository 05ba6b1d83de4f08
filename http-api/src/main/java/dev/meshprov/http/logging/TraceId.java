package dev.meshprov.http.logging;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The correlation id of a request and of the tasks it starts: taken from the {@code traceId} request header when it
 * is short and made of safe characters, else generated; echoed in the {@code traceId} response header and kept in
 * the SLF4J MDC under {@link #MDC_KEY} so every log line carries it.
 */
public final class TraceId {

    /** The request and response header. */
    public static final String HEADER = "traceId";

    /** The MDC key of the correlation id. */
    public static final String MDC_KEY = "traceId";

    /** The MDC key of the task token, on the task's worker thread. */
    public static final String TASK_MDC_KEY = "taskId";

    /** At most this many letters, digits and {@code . _ : -}: safe in a log line, a header and a metric-free label. */
    private static final int MAX_LENGTH = 64;

    private TraceId() {}

    /** The caller's id when it is safe to use, else a new one. */
    public static String accept(String header) {
        return isSafe(header) ? header : generate();
    }

    /**
     * A new random id in the shape of a version-4 UUID. A correlation id needs to be unique, not unpredictable, so it
     * comes from {@link ThreadLocalRandom} rather than {@link UUID#randomUUID()}, whose shared secure generator every
     * request would otherwise queue for.
     */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** Whether {@code value} would be taken as given. */
    public static boolean isSafe(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isSafe(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A character test instead of a regex: the header of every request is checked. */
    private static boolean isSafe(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '.'
                || c == '_'
                || c == ':'
                || c == '-';
    }
}
