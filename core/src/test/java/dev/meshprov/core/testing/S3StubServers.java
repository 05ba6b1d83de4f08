package dev.meshprov.core.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tiny loopback servers that misbehave the way S3 and networks do, for the tests of every adapter that talks to S3
 * (MWAA DAGs, CDE artifacts). Each stops when closed.
 */
public final class S3StubServers {

    private S3StubServers() {}

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** An S3-like server answering every request with {@code status} and an S3 error document. */
    public static final class ErrorServer implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();

        public ErrorServer(int status, String code, String message) {
            try {
                server = HttpServer.create(new InetSocketAddress(loopback(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                            + message
                            + "</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>stub</HostId></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.getResponseHeaders().add("x-amz-request-id", "4442587FB7D0A2F9");
                if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.sendResponseHeaders(status, -1);
                } else {
                    exchange.sendResponseHeaders(status, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                exchange.close();
            });
            server.start();
        }

        public URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        public int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * A server that accepts connections and then either resets them (RST, after reading the request) or keeps them
     * open without answering.
     */
    public static final class RudeServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> open = new ArrayList<>();
        private final Thread acceptor;

        public RudeServer(boolean reset) {
            try {
                socket = new ServerSocket(0, 50, loopback());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            acceptor = new Thread(() -> accept(reset), "rude-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept(boolean reset) {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    if (reset) {
                        client.getInputStream().read(new byte[1024]);
                        client.setSoLinger(true, 0);
                        client.close();
                    } else {
                        synchronized (open) {
                            open.add(client);
                        }
                    }
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        }

        public URI endpoint() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                for (Socket client : open) {
                    client.close();
                }
            }
        }
    }

    /**
     * A server that reads each request and answers it with the same raw bytes, then closes the connection: an answer
     * that is well-formed HTTP but not what S3 would send (malformed XML, an HTML page, an error document in a 200),
     * a body cut short of its {@code Content-Length}, or not HTTP at all.
     */
    public static final class CannedServer implements AutoCloseable {
        private final ServerSocket socket;
        private final byte[] answer;
        private final List<String> requestLines = new ArrayList<>();
        private final Thread acceptor;

        private CannedServer(byte[] answer) {
            this.answer = answer;
            try {
                socket = new ServerSocket(0, 50, loopback());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            acceptor = new Thread(this::serve, "canned-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** Every request answered with {@code status}, this content type and body, and a matching length. */
        public static CannedServer answering(int status, String contentType, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new CannedServer(concat(head(status, contentType, bytes.length), bytes));
        }

        /** Every request answered with a {@code Content-Length} of twice the body, then the connection closed. */
        public static CannedServer truncating(int status, String contentType, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new CannedServer(concat(head(status, contentType, 2 * bytes.length), bytes));
        }

        /** Every request answered with exactly {@code raw} (which need not be HTTP). */
        public static CannedServer raw(String raw) {
            return new CannedServer(raw.getBytes(StandardCharsets.UTF_8));
        }

        private static byte[] head(int status, String contentType, int contentLength) {
            return ("HTTP/1.1 " + status + " Canned\r\n"
                            + "Content-Type: " + contentType + "\r\n"
                            + "Content-Length: " + contentLength + "\r\n"
                            + "x-amz-request-id: 0A1B2C3D4E5F6789\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] concat(byte[] first, byte[] second) {
            byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            return both;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.setSoTimeout(5_000);
                    String requestLine = readRequest(client.getInputStream(), client.getOutputStream());
                    synchronized (requestLines) {
                        requestLines.add(requestLine);
                    }
                    OutputStream out = client.getOutputStream();
                    out.write(answer);
                    out.flush();
                    client.shutdownOutput();
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        }

        /**
         * Reads the request head and a body of known length; a client that waits for {@code 100 Continue} gets it
         * first, as from S3, so that the canned answer comes after the whole request whatever the HTTP client.
         */
        private static String readRequest(InputStream in, OutputStream out) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            String text = head.toString();
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?m)^content-length: *(\\d+)")
                    .matcher(lower);
            if (length.find()) {
                if (lower.contains("expect: 100-continue")) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                in.readNBytes(Integer.parseInt(length.group(1)));
            }
            int endOfLine = text.indexOf("\r\n");
            return endOfLine < 0 ? text : text.substring(0, endOfLine);
        }

        public URI endpoint() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        /** The request lines received so far, e.g. {@code GET /dags-bucket?list-type=2&prefix=dags%2F HTTP/1.1}. */
        public List<String> requestLines() {
            synchronized (requestLines) {
                return List.copyOf(requestLines);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    public static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
