package dev.meshprov.core.cde;

import dev.meshprov.core.cde.testing.InMemoryCdpGateway;

/** The CDP contract against the in-memory fake, so that the fake stays honest. */
class InMemoryCdpGatewayContractTest extends CdpGatewayContract {

    private final InMemoryCdpGateway gateway = new InMemoryCdpGateway();

    @Override
    protected CdpGateway gateway() {
        return gateway;
    }

    @Override
    protected void givenService(String name, String status) {
        gateway.addService(name, status);
    }

    @Override
    protected void givenVirtualCluster(String serviceName, String name, String status) {
        gateway.addVirtualCluster(serviceName, name, status);
    }
}
