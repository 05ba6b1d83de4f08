package dev.meshprov.core.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The black hole makes connects time out — it neither refuses them nor lets them through. */
class BlackHoleTest {

    @Test
    void aConnectTimesOutRatherThanBeingRefused() {
        try (BlackHole hole = new BlackHole();
                Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", hole.port()), 300))
                    .isInstanceOf(SocketTimeoutException.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anHttpClientSeesAConnectTimeout() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
        try (BlackHole hole = new BlackHole()) {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(hole.endpoint() + "/any")).build();

            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(HttpConnectTimeoutException.class);
        }
    }
}
