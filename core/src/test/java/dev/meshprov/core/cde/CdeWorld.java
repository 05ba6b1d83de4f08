package dev.meshprov.core.cde;

import dev.meshprov.core.cde.testing.InMemoryArtifactStore;
import dev.meshprov.core.cde.testing.InMemoryCdeGateway;
import dev.meshprov.core.cde.testing.InMemoryCdpGateway;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.OperationLog;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;

/**
 * A CDE world for technology tests: a running service {@code finance-de} with a running virtual cluster
 * {@code finance-vc}, the artifacts of the fixtures in the artifact store, and the technology wired to the fakes.
 */
final class CdeWorld {

    static final String SERVICE = "finance-de";
    static final String VC = "finance-vc";

    final InMemoryCdpGateway cdp = new InMemoryCdpGateway();
    final InMemoryCdeGateway cde = new InMemoryCdeGateway();
    final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
    final CdeTechnology technology;

    CdeWorld() {
        this(CdeSettings.standard());
    }

    CdeWorld(CdeSettings settings) {
        cdp.addService(SERVICE, CdeService.RUNNING);
        cdp.addVirtualCluster(SERVICE, VC, VirtualCluster.RUNNING);
        artifacts.put("s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar", "jar v1");
        artifacts.put("s3://finance-artifacts/lib/ledger-utils-2.1.jar", "utils 2.1");
        artifacts.put("s3://finance-artifacts/py/report.py", "print('report')");
        artifacts.put("s3://finance-artifacts/py/scoring.py", "print('scoring')");
        artifacts.put("s3://finance-artifacts/py/requirements.txt", "pandas==2.2.0\n");
        artifacts.put("s3://finance-artifacts/py/helpers.zip", "zip bytes");
        technology = new CdeTechnology(cdp, cde, artifacts, settings);
    }

    Validation<Seq<Problem>, CdeSpec> validate(ComponentRequest request, Operation operation) {
        return technology.validate(request, operation);
    }

    CdeSpec spec(ComponentRequest request, Operation operation) {
        Validation<Seq<Problem>, CdeSpec> validation = validate(request, operation);
        if (validation.isInvalid()) {
            throw new AssertionError("expected a valid descriptor, got " + validation.getError());
        }
        return validation.get();
    }

    /** Provisions a valid request; the test fails when provisioning does. */
    ProvisionResult provisioned(ComponentRequest request, OperationLog log) {
        Either<UpstreamFailure, ProvisionResult> result = technology.provision(spec(request, Operation.PROVISION), log);
        if (result.isLeft()) {
            throw new AssertionError("expected provisioning to succeed, got " + result.getLeft());
        }
        return result.get();
    }
}
