package dev.meshprov.core.airbyte;

/** The gateway contract, run against the in-memory fake the core tests use. */
class InMemoryAirbyteGatewayContractTest extends AirbyteGatewayContract {

    private static final String WORKSPACE = "0f4a3c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    private final InMemoryAirbyteGateway gateway = new InMemoryAirbyteGateway(WORKSPACE);

    @Override
    protected AirbyteGateway gateway() {
        return gateway;
    }

    @Override
    protected String workspaceId() {
        return WORKSPACE;
    }
}
