package dev.meshprov.benchmarks;

import dev.meshprov.core.airbyte.AirbyteTechnology;
import dev.meshprov.core.airbyte.AirbyteTestData;
import dev.meshprov.core.airbyte.InMemoryAirbyteGateway;
import dev.meshprov.core.cde.CdeService;
import dev.meshprov.core.cde.CdeSettings;
import dev.meshprov.core.cde.CdeTechnology;
import dev.meshprov.core.cde.VirtualCluster;
import dev.meshprov.core.cde.testing.InMemoryArtifactStore;
import dev.meshprov.core.cde.testing.InMemoryCdeGateway;
import dev.meshprov.core.cde.testing.InMemoryCdpGateway;
import dev.meshprov.core.secret.Redactor;

/**
 * Airbyte and CDE on the core test-jar's in-memory gateways, holding what the examples need to be valid (the
 * workspace; the CDE service, virtual cluster and application jar), so that validation makes its online checks
 * without a network: the figures are the technologies' own work, not an upstream's latency.
 */
final class InMemoryTechnologies {

    private InMemoryTechnologies() {}

    /** Airbyte with the example's workspace ({@link AirbyteTestData#WORKSPACE}) and the test Snowflake settings. */
    static AirbyteTechnology airbyte() {
        return new AirbyteTechnology(
                AirbyteTestData.settings(), new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE), new Redactor());
    }

    /** CDE with the example's running service and virtual cluster, and its application jar in the artifact store. */
    static CdeTechnology cde() {
        InMemoryCdpGateway cdp = new InMemoryCdpGateway();
        cdp.addService("finance-de", CdeService.RUNNING);
        cdp.addVirtualCluster("finance-de", "finance-vc", VirtualCluster.RUNNING);
        InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
        artifacts.put("s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar", "the job's classes");
        return new CdeTechnology(cdp, new InMemoryCdeGateway(), artifacts, CdeSettings.standard());
    }
}
