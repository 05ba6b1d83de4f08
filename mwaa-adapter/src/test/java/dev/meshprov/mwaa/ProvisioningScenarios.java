package dev.meshprov.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.MwaaSpec;
import dev.meshprov.core.mwaa.MwaaTechnology;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import dev.meshprov.core.testing.CollectingOperationLog;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import dev.meshprov.core.testing.TestRequests;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provisioning cases every store must pass, run through the provider against a real store: S3 (S3Mock) and a
 * folder.
 */
abstract class ProvisioningScenarios {

    protected final CollectingUpstreamObserver observer = new CollectingUpstreamObserver();
    protected final CollectingOperationLog log = new CollectingOperationLog();

    private final String requestResource;
    private final String stagingKey;
    private final String copyOperation;
    private final String writeOperation;
    private MwaaTechnology technology;

    /**
     * @param requestResource the test resource of the component to provision
     * @param stagingKey the key its DAG is staged under
     * @param copyOperation the store's name of the copy operation, as reported to the observer
     * @param writeOperation the store's name of the write operation, as reported to the observer
     */
    protected ProvisioningScenarios(
            String requestResource, String stagingKey, String copyOperation, String writeOperation) {
        this.requestResource = requestResource;
        this.stagingKey = stagingKey;
        this.copyOperation = copyOperation;
        this.writeOperation = writeOperation;
    }

    /** Creates the technology under test through the provider; called before each test. */
    protected abstract MwaaTechnology createTechnology();

    /** Uploads the DAG the way the component's CI would. */
    protected abstract void uploadStaging(String content);

    /** Removes the staging file. */
    protected abstract void removeStaging();

    /** The content of an object of the store, by key. */
    protected abstract Optional<String> read(String key);

    @BeforeEach
    void createTechnologyUnderTest() {
        technology = createTechnology();
    }

    /** The technology under test. */
    protected MwaaTechnology technology() {
        return technology;
    }

    /** The component to provision. */
    protected ComponentRequest request() {
        return TestRequests.componentRequest(TestRequests.resource(requestResource));
    }

    /** The expected keys: staging, DAG and descriptor file. */
    protected String stagingKey() {
        return stagingKey;
    }

    protected String dagKey() {
        return "dags/finance_cashflow_1_cashflow_daily.py";
    }

    protected String descriptorKey() {
        return "dags/finance_cashflow_1_descriptor.yaml";
    }

    protected String copyOperation() {
        return copyOperation;
    }

    protected String writeOperation() {
        return writeOperation;
    }

    protected MwaaSpec spec(Operation operation) {
        Validation<Seq<Problem>, MwaaSpec> validated = technology().validate(request(), operation);
        assertThat(validated.isValid()).as("%s", validated).isTrue();
        return validated.get();
    }

    protected ProvisionResult provision() {
        Either<UpstreamFailure, ProvisionResult> result = technology().provision(spec(Operation.PROVISION), log);
        assertThat(result.isRight()).as("%s", result).isTrue();
        return result.get();
    }

    protected ProvisionResult unprovision() {
        Either<UpstreamFailure, ProvisionResult> result = technology().unprovision(spec(Operation.UNPROVISION), log);
        assertThat(result.isRight()).as("%s", result).isTrue();
        return result.get();
    }

    @Test
    void provisionDeploysTheDagAndTheDescriptorFile() {
        uploadStaging("print('cashflow v1')\n");

        ProvisionResult result = provision();

        assertThat(read(dagKey())).contains("print('cashflow v1')\n");
        assertThat(read(descriptorKey())).hasValueSatisfying(descriptor -> assertThat(descriptor)
                .contains("id: \"urn:dmb:dp:finance:cashflow:1\""));
        assertThat(read(stagingKey())).as("staging is left as it was").contains("print('cashflow v1')\n");
        Info info = result.info().orElseThrow();
        assertThat(info.publicInfo().get("dagId").value()).isEqualTo("finance_cashflow_1_cashflow_daily");
        assertThat(info.publicInfo().get("dagLocation").value()).endsWith(dagKey());
        assertThat(info.privateInfo()).containsEntry("dagKey", dagKey()).containsEntry("stagingKey", stagingKey());
    }

    @Test
    void reprovisioningAnUnchangedDagCopiesAndWritesNothing() {
        uploadStaging("print('cashflow v1')\n");
        provision();
        observer.clear();

        provision();

        assertThat(observer.count(copyOperation())).isZero();
        assertThat(observer.count(writeOperation())).isZero();
        assertThat(observer.calls()).isNotEmpty();
        assertThat(log.text()).contains("is unchanged");
    }

    @Test
    void reprovisioningAfterTheStagingFileChangedCopiesAgain() {
        uploadStaging("print('cashflow v1')\n");
        provision();
        uploadStaging("print('cashflow v2')\n");
        observer.clear();

        Plan plan = technology().plan(spec(Operation.PROVISION)).get();
        assertThat(observer.count(copyOperation())).isZero();
        provision();

        assertThat(plan.changes())
                .extracting(PlannedChange::entity, PlannedChange::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("descriptor", ChangeKind.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple("dag", ChangeKind.UPDATE));
        assertThat(observer.count(copyOperation())).isEqualTo(1);
        assertThat(read(dagKey())).contains("print('cashflow v2')\n");
    }

    @Test
    void unprovisioningTwiceSucceeds() {
        uploadStaging("print('cashflow v1')\n");
        provision();

        unprovision();
        unprovision();

        assertThat(read(dagKey())).isEmpty();
        assertThat(read(descriptorKey())).isEmpty();
        assertThat(read(stagingKey())).isPresent();
        assertThat(log.text()).contains("is already absent");
    }

    @Test
    void aMissingStagingFileIsReportedWithItsKeyAndUnprovisionStillWorks() {
        Validation<Seq<Problem>, MwaaSpec> validated = technology().validate(request(), Operation.VALIDATE);

        assertThat(validated.isInvalid()).isTrue();
        Problem problem = validated.getError().single();
        assertThat(problem.message()).contains(stagingKey()).contains("does not exist");
        assertThat(problem.isUpstream()).isFalse();

        unprovision();
    }

    @Test
    void unprovisionDoesNotNeedTheStagingFile() {
        uploadStaging("print('cashflow v1')\n");
        provision();
        removeStaging();

        unprovision();

        assertThat(read(dagKey())).isEmpty();
    }
}
