package dev.meshprov.cde;

import dev.meshprov.core.cde.CdeGateway;
import dev.meshprov.core.cde.CdeGatewayContract;
import dev.meshprov.core.cde.VcEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The jobs API contract against the Feign gateway and the stateful CDE server (Knox token, multipart). */
class FeignCdeGatewayContractTest extends CdeGatewayContract {

    private static CdeHarness harness;
    private static CdeGateway gateway;

    @BeforeAll
    static void start() {
        harness = new CdeHarness("http://127.0.0.1:1");
        gateway = harness.gateways(harness.config()).cde();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Override
    protected CdeGateway gateway() {
        return gateway;
    }

    @Override
    protected VcEndpoint endpoint() {
        return new VcEndpoint("cluster-finance-de", harness.cde.hostAndPort(), "vc-finance-vc", harness.cde.apiUrl());
    }
}
