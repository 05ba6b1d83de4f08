package dev.meshprov.core.cde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.cde.testing.CdeFixtures;
import dev.meshprov.core.cde.testing.InMemoryCdeGateway.Listing;
import dev.meshprov.core.cde.testing.SuccessiveRuns;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.testing.CollectingOperationLog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Provisioning stays idempotent and correct whichever way the jobs API reports what it holds — the parts of the
 * API no public source shows: file signatures (MD5, another algorithm, none), files not listed at all, and Spark
 * configuration keys CDE adds itself. Each run gets the previous run's {@code privateInfo}, as Witboost sends it.
 */
class CdeReconciliationRobustnessTest {

    private static final String JOB = "finance-cashflow-1-cashflow-job-development";
    private static final String FILES = ResourceNames.files(JOB);
    private static final String JAR = "s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar";
    private static final String JAR_FILE = "cashflow-job-1.0.0.jar";
    private static final String DEP_FILE = "ledger-utils-2.1.jar";

    private final CdeWorld world = new CdeWorld();
    private final CollectingOperationLog log = new CollectingOperationLog();
    private final SuccessiveRuns runs = new SuccessiveRuns(request -> world.provisioned(request, log));

    private void provision(ComponentRequest request) {
        runs.provision(request);
    }

    private static ComponentRequest job() {
        return CdeFixtures.fixture("jvm-job.yaml");
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void an_unchanged_job_is_not_uploaded_again(Listing listing) {
        world.cde.listing(listing);
        provision(job());
        world.cde.clearWrites();

        provision(job());
        provision(job());

        assertThat(world.cde.writes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void a_changed_artifact_of_the_same_size_is_uploaded_once(Listing listing) {
        world.cde.listing(listing);
        provision(job());
        world.artifacts.put(JAR, "jar v2");
        world.cde.clearWrites();

        provision(job());
        provision(job());

        assertThat(world.cde.writes()).containsExactly("PUT /resources/" + FILES + "/" + JAR_FILE);
        assertThat(new String(world.cde.fileContent(FILES, JAR_FILE).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("jar v2");
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void a_dependency_no_longer_referenced_is_deleted(Listing listing) {
        world.cde.listing(listing);
        provision(job());
        world.cde.clearWrites();

        provision(CdeFixtures.fixture(
                "jvm-job.yaml", "dependencies: [s3://finance-artifacts/lib/ledger-utils-2.1.jar]", "dependencies: []"));

        assertThat(world.cde.writes()).contains("DELETE /resources/" + FILES + "/" + DEP_FILE);
        assertThat(world.cde.fileContent(FILES, DEP_FILE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Listing.class,
            names = {"MD5", "OTHER_SIGNATURE"})
    void a_file_replaced_in_cde_behind_meshprovs_back_is_uploaded_again(Listing listing) {
        world.cde.listing(listing);
        provision(job());
        byte[] other = "jar vX".getBytes(StandardCharsets.UTF_8);
        world.cde.uploadFile(null, FILES, JAR_FILE, new ByteArrayInputStream(other), other.length);
        world.cde.clearWrites();

        provision(job());

        assertThat(world.cde.writes()).containsExactly("PUT /resources/" + FILES + "/" + JAR_FILE);
    }

    @Test
    void configuration_keys_cde_adds_itself_cause_no_update() {
        world.cde.addsConf(Map.of("spark.kubernetes.driver.label.dex-app", "job"));
        provision(job());
        world.cde.clearWrites();

        provision(job());

        assertThat(world.cde.writes()).isEmpty();
    }

    @Test
    void a_configuration_key_removed_from_the_descriptor_is_removed_from_the_job_keeping_cdes_own() {
        world.cde.addsConf(Map.of("spark.kubernetes.driver.label.dex-app", "job"));
        provision(job());
        world.cde.clearWrites();

        provision(CdeFixtures.fixture("jvm-job.yaml", "conf: {spark.sql.shuffle.partitions: 64}", "conf: {}"));

        assertThat(world.cde.writes()).containsExactly("PATCH /jobs/" + JOB);
        assertThat(world.cde.job(JOB).orElseThrow().spark().conf())
                .doesNotContainKey("spark.sql.shuffle.partitions")
                .containsEntry("spark.kubernetes.driver.label.dex-app", "job")
                .containsEntry("dex.safariEnabled", "true");
        world.cde.clearWrites();

        provision(CdeFixtures.fixture("jvm-job.yaml", "conf: {spark.sql.shuffle.partitions: 64}", "conf: {}"));

        assertThat(world.cde.writes()).isEmpty();
    }
}
