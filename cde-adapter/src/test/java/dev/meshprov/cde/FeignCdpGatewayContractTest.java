package dev.meshprov.cde;

import dev.meshprov.core.cde.CdpGateway;
import dev.meshprov.core.cde.CdpGatewayContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The CDP contract against the Feign gateway and the signature-checking CDP server (no discovery cache). */
class FeignCdpGatewayContractTest extends CdpGatewayContract {

    private static CdeHarness harness;
    private static CdpGateway gateway;

    @BeforeAll
    static void start() {
        harness = new CdeHarness("http://127.0.0.1:1");
        var config = harness.config();
        config.put("discoveryCacheTtl", "0s");
        gateway = harness.gateways(config).cdp();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Override
    protected CdpGateway gateway() {
        return gateway;
    }

    @Override
    protected void givenService(String name, String status) {
        harness.cdp.addService(name, status, "host-of-" + name + ".example");
    }

    @Override
    protected void givenVirtualCluster(String serviceName, String name, String status) {
        harness.cdp.addVc(serviceName, name, status, "http://127.0.0.1:1/" + name + "/dex/api/v1");
    }
}
