package dev.meshprov.http.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of a test class whose tests share one {@linkplain TestServer#standard() standard server}: started before
 * the class's first test, stopped after its last. Test classes run one after the other, so the fields are the
 * running class's.
 */
public abstract class StandardServerTest {

    /** The server of the running test class. */
    protected static TestServer server;

    /** A client of {@link #server}. */
    protected static ApiClient client;

    @BeforeAll
    static void startStandardServer() {
        server = TestServer.standard();
        client = server.client();
    }

    @AfterAll
    static void stopStandardServer() {
        server.close();
    }
}
