package dev.meshprov.cde;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one part of a {@code multipart/form-data} body as a stream, holding only a boundary's worth of bytes:
 * the fake jobs API uses it to check the part name and count and hash large uploads without keeping them.
 */
final class MultipartReader {

    /**
     * The part found: its field name, its file name, and whether the closing boundary follows it (no other part).
     */
    record Part(String name, String fileName, boolean last) {}

    interface ContentSink {
        void write(byte[] buffer, int offset, int length) throws IOException;
    }

    private MultipartReader() {}

    static Part readFirstPart(InputStream body, String contentType, ContentSink sink) throws IOException {
        String boundary = contentType
                .substring(contentType.indexOf("boundary=") + "boundary=".length())
                .strip();
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        PushbackInputStream in = new PushbackInputStream(body, 64 * 1024);
        String first = readLine(in);
        if (!first.equals("--" + boundary)) {
            throw new IOException("the body does not start with the boundary");
        }
        String name = null;
        String fileName = null;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-disposition:")) {
                name = attribute(line, "name");
                fileName = attribute(line, "filename");
            }
        }
        streamUntil(in, delimiter, sink);
        boolean last = in.read() == '-' && in.read() == '-';
        return new Part(name, fileName, last);
    }

    private static String attribute(String line, String attribute) {
        String marker = " " + attribute + "=\"";
        int start = line.indexOf(marker);
        if (start < 0) {
            marker = ";" + attribute + "=\"";
            start = line.indexOf(marker);
        }
        if (start < 0) {
            return null;
        }
        int from = start + marker.length();
        return line.substring(from, line.indexOf('"', from));
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int previous = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) b);
            previous = b;
        }
        throw new IOException("unexpected end of the multipart body");
    }

    /** Copies bytes to {@code sink} until {@code delimiter}, with a window of one buffer plus the delimiter. */
    private static void streamUntil(PushbackInputStream in, byte[] delimiter, ContentSink sink) throws IOException {
        byte[] buffer = new byte[32 * 1024 + delimiter.length];
        int filled = 0;
        while (true) {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                throw new IOException("the closing boundary is missing");
            }
            filled += read;
            int found = indexOf(buffer, filled, delimiter);
            if (found >= 0) {
                sink.write(buffer, 0, found);
                int after = found + delimiter.length;
                in.unread(buffer, after, filled - after);
                return;
            }
            int safe = filled - delimiter.length + 1;
            if (safe > 0) {
                sink.write(buffer, 0, safe);
                System.arraycopy(buffer, safe, buffer, 0, filled - safe);
                filled -= safe;
            }
        }
    }

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i <= length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] copy(byte[] buffer, int offset, int length) {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }
}
