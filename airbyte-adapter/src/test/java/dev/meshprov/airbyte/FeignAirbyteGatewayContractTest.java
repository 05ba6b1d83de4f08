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
}
