package dev.meshprov.core.mwaa;

import static dev.meshprov.core.mwaa.MwaaFixtures.fixture;
import static dev.meshprov.core.mwaa.MwaaFixtures.settings;
import static dev.meshprov.core.mwaa.MwaaFixtures.technology;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Operation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two Airflow components of one data product must not deploy the same DAG file. */
class DagCollisionsTest {

    private final InMemoryDagStore store = InMemoryDagStore.withBuckets();
    private final MwaaTechnology technology = technology(settings(), store);

    @ParameterizedTest
    @EnumSource(
            value = Operation.class,
            names = {"VALIDATE", "PROVISION", "UNPROVISION"})
    void namesBothCollidingComponents(Operation operation) {
        Validation<Seq<Problem>, MwaaSpec> result = technology.validate(fixture("colliding-dag-names.yaml"), operation);

        assertThat(result.isInvalid()).isTrue();
        assertThat(result.getError()).hasSize(1);
        Problem problem = result.getError().head();
        assertThat(problem.field())
                .isEqualTo("dataProduct.components[urn:dmb:cmp:finance:cashflow:1:first].specific.dagName");
        assertThat(problem.message())
                .contains("'my-dag.py'")
                .contains("urn:dmb:cmp:finance:cashflow:1:second")
                .contains("'my_dag.py'")
                .contains("finance_cashflow_1_my_dag")
                .contains("dags/finance_cashflow_1_my_dag.py");
        assertThat(problem.solution()).contains("Rename");
    }

    @Test
    void templateVersionsAreIgnoredWhenFindingSiblings() {
        ComponentRequest request = fixture("colliding-dag-names.yaml");
        Component first = request.component();
        Component second = request.dataProduct()
                .component("urn:dmb:cmp:finance:cashflow:1:second")
                .orElseThrow();

        assertThat(first.infrastructureTemplateId()).isNotEqualTo(second.infrastructureTemplateId());
        assertThat(DagCollisions.isAirflowSibling(first, second)).isTrue();
    }

    @Test
    void aComponentOfAnotherTechnologyWithADagNameIsNoSibling() {
        ComponentRequest request = fixture("same-dag-name-in-other-technology.yaml");
        store.seed(new ObjectRef("finance-mwaa-dev", "source/finance.cashflow.1.my-dag.py"), "print(1)\n");

        assertThat(technology.validate(request, Operation.PROVISION).isValid()).isTrue();
    }

    @Test
    void theSameNameInAnotherBucketIsNoCollision() {
        ComponentRequest request = fixture("same-dag-name-other-bucket.yaml");
        store.seed(new ObjectRef("finance-mwaa-dev", "source/finance.cashflow.1.my-dag.py"), "print(1)\n");

        assertThat(technology.validate(request, Operation.PROVISION).isValid()).isTrue();
    }

    @Test
    void distinctDagsOfOneDataProductAreFine() {
        store.seed(new ObjectRef("finance-mwaa-dev", "source/finance.cashflow.1.daily.py"), "print(1)\n");

        assertThat(technology
                        .validate(fixture("two-airflow-components.yaml"), Operation.PROVISION)
                        .isValid())
                .isTrue();
    }

    @Test
    void updateAclDoesNotCheckCollisions() {
        assertThat(technology
                        .validate(fixture("colliding-dag-names.yaml"), Operation.UPDATE_ACL)
                        .isValid())
                .isTrue();
    }
}
