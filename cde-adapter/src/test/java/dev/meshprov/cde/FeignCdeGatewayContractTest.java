package dev.meshprov.cde;

import dev.meshprov.core.cde.CdeGateway;
import dev.meshprov.core.cde.CdeGatewayContract;
import dev.meshprov.core.cde.VcEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The jobs API contract against the Feign gateway and the stateful CDE server (Knox token, multipart), answering
 * as it does by default; {@link FeignCdeGatewayOtherAnswersContractTest} runs it on the other answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeignCdeGatewayContractTest extends CdeGatewayContract {

    private CdeHarness harness;
    private CdeGateway gateway;

    /** How the CDE server answers during the run; the default answers as it is created. */
    protected void answers(FakeCdeServer cde) {}

    @BeforeAll
    void start() {
        harness = new CdeHarness("http://127.0.0.1:1");
        answers(harness.cde);
        gateway = harness.gateways(harness.config()).cde();
    }

    @AfterAll
    void stop() {
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
