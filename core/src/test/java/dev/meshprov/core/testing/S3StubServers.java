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

    /** A loopback port nothing listens on (it was free a moment ago). */
    public static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
