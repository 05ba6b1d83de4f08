package dev.meshprov.airbyte;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that accepts each connection, reads the start of the request and resets the connection (TCP
 * RST, through {@code SO_LINGER 0}): what a client sees when a proxy or a crashing server drops it.
 */
final class ResettingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();

    ResettingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "resetting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + FakeAirbyteServer.BASE;
    }

    int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                client.getInputStream().read(new byte[1024]);
                client.setSoLinger(true, 0);
            } catch (IOException e) {
                // closed, or the client gave up: either way nothing to do
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
