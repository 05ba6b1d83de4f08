package dev.meshprov.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback address where a connection is never established, so that a client's <em>connect</em> time-out fires
 * (not a refusal, not a read time-out). A listening socket with a backlog of 1 that never accepts: once its accept
 * queue is full of connections made here, Linux drops further SYNs, and every later connect hangs until the
 * client gives up. The constructor fills the queue and proves the hole: a probe connect must time out.
 */
public final class BlackHole implements AutoCloseable {

    private static final int PROBE_TIMEOUT_MILLIS = 250;
    private static final int MOST_FILLERS = 16;

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    public BlackHole() {
        try {
            listener = new ServerSocket(0, 1, S3StubServers.loopback());
            fill();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot set up the black hole", e);
        }
    }

    /** Connects until a connect times out: the accept queue is then full and SYNs are dropped. */
    private void fill() throws IOException {
        InetSocketAddress address = new InetSocketAddress(S3StubServers.loopback(), listener.getLocalPort());
        while (fillers.size() < MOST_FILLERS) {
            Socket socket = new Socket();
            try {
                socket.connect(address, PROBE_TIMEOUT_MILLIS);
                fillers.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                if (fillers.isEmpty()) {
                    throw new IllegalStateException("a loopback connect timed out before the backlog was filled");
                }
                return;
            }
        }
        throw new IllegalStateException("the listener accepted " + MOST_FILLERS + " connections without a time-out;"
                + " this system does not drop SYNs to a full accept queue");
    }

    /** The port, e.g. for a URL of another shape. */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        for (Socket filler : fillers) {
            closeQuietly(filler);
        }
        if (listener != null) {
            closeQuietly(listener);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing more to release
        }
    }
}
