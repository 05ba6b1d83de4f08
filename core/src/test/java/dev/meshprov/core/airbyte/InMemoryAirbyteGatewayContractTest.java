package dev.meshprov.core.airbyte;

/** The gateway contract, run against the in-memory fake the core tests use. */
class InMemoryAirbyteGatewayContractTest extends AirbyteGatewayContract {

    private final InMemoryAirbyteGateway gateway = new InMemoryAirbyteGateway(WORKSPACE);

    @Override
    protected AirbyteGateway gateway() {
        return gateway;
    }
}
