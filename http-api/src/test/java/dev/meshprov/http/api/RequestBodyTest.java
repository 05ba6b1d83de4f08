package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body of declared length is read whole, a chunked one too, and one over the limit is refused with 413, whether
 * its length was declared or not.
 */
class RequestBodyTest {

    private static final int LIMIT = 16;

    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin server;

    @BeforeEach
    void start() {
        RequestBody body = new RequestBody(LIMIT);
        server = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.http.maxRequestSize = LIMIT;
                    config.routes.post(
                            "/echo", ctx -> ctx.result("read " + new String(body.of(ctx), StandardCharsets.UTF_8)));
                })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aBodyOfDeclaredLengthIsReadWhole() throws Exception {
        assertThat(post(HttpRequest.BodyPublishers.ofString("exactly sixteen!")).body())
                .isEqualTo("read exactly sixteen!");
        assertThat(post(HttpRequest.BodyPublishers.ofString("é")).body()).isEqualTo("read é");
    }

    @Test
    void anEmptyBodyIsEmpty() throws Exception {
        assertThat(post(HttpRequest.BodyPublishers.noBody()).body()).isEqualTo("read ");
    }

    @Test
    void aChunkedBodyIsReadWhole() throws Exception {
        assertThat(post(chunked("no length")).body()).isEqualTo("read no length");
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutItsLength() throws Exception {
        assertThat(post(HttpRequest.BodyPublishers.ofString("seventeen bytes!!"))
                        .statusCode())
                .isEqualTo(413);
        assertThat(post(chunked("seventeen bytes!!")).statusCode()).isEqualTo(413);
    }

    private static BodyPublisher chunked(String text) {
        return HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> post(BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/echo"))
                .POST(body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
