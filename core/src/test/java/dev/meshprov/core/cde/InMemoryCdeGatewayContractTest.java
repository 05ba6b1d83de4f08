package dev.meshprov.core.cde;

import dev.meshprov.core.cde.testing.InMemoryCdeGateway;

/** The jobs API contract against the in-memory fake, so that the fake stays honest. */
class InMemoryCdeGatewayContractTest extends CdeGatewayContract {

    private final InMemoryCdeGateway gateway = new InMemoryCdeGateway();

    @Override
    protected CdeGateway gateway() {
        return gateway;
    }

    @Override
    protected VcEndpoint endpoint() {
        return new VcEndpoint("cluster-1", "service.example", "vc-1", "https://vc.example/dex/api/v1");
    }
}
