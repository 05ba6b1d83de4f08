package dev.meshprov.airbyte;

import dev.meshprov.core.airbyte.AirbyteGateway;
import dev.meshprov.core.airbyte.AirbyteGatewayContract;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The gateway contract, run against the Feign adapter and the local Airbyte server. The server returns at most 20
 * entities per page, so name lookups must follow {@code next}.
 */
class FeignAirbyteGatewayContractTest extends AirbyteGatewayContract {

    private static final String WORKSPACE = "7c1f6e2a-3b4d-4c5e-8f6a-7b8c9d0e1f2a";
    private static FakeAirbyteServer server;
    private static AirbyteGateway gateway;

    @BeforeAll
    static void start() {
        server = FakeAirbyteServer.start().workspace(WORKSPACE, "contract").maxPageSize(20);
        gateway = TestGateways.gateway(
                TestGateways.section(server, WORKSPACE, ""),
                TestGateways.context(Clock.systemUTC(), new Redactor(), UpstreamObserver.none()),
                Sleeper.threadSleep());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected AirbyteGateway gateway() {
        return gateway;
    }

    @Override
    protected String workspaceId() {
        return WORKSPACE;
    }
}
