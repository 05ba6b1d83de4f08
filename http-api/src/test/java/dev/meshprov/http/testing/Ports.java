package dev.meshprov.http.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** Waiting on loopback ports. */
public final class Ports {

    private Ports() {}

    /** Waits (up to 10 s) until {@code port} refuses connections: {@code what} stopped accepting. */
    public static void awaitRefused(int port, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(what + " still accepts connections");
    }
}
