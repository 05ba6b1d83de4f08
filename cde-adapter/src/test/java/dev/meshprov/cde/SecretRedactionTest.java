package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.cde.testing.CdeFixtures;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.testing.CollectingOperationLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CDP private key, the workload password and the Knox token never appear in logs, problems, results,
 * failures or observed calls — even when an upstream echoes them back in an error body.
 */
class SecretRedactionTest {

    @RegisterExtension
    static final S3MockExtension S3 = LoopbackS3.withBucket(LoopbackS3.FIXTURE_BUCKET);

    @RegisterExtension
    final CdeHarness harness = CdeHarness.withJvmJobArtifacts(S3);

    private final Technology<?> technology = harness.technology();
    private final CollectingOperationLog log = new CollectingOperationLog();
    private final List<String> seen = new ArrayList<>();

    private static ComponentRequest request() {
        return CdeFixtures.fixture("jvm-job.yaml");
    }

    private List<String> canaries() {
        return List.of(
                TestKeys.ed25519Seed(), CdeHarness.PASSWORD, harness.cde.lastToken(), "canary-aws-secret-5d2e8c");
    }

    @Test
    void secrets_stay_out_of_everything_that_leaves_the_technology() {
        CdeHarness.Outcome<ProvisionResult> provisioned = CdeHarness.provision(technology, request(), log);
        ProvisionResult result = provisioned.result().get();
        seen.add(result.message());
        seen.add(LoopbackServer.JSON
                .valueToTree(result.info().orElseThrow().publicInfo())
                .toString());
        seen.add(LoopbackServer.JSON
                .valueToTree(result.info().orElseThrow().privateInfo())
                .toString());

        String token = harness.cde.lastToken();
        String echoed = "crashed handling Bearer " + token + " for " + CdeHarness.USER + ":" + CdeHarness.PASSWORD
                + " key=" + TestKeys.ed25519Seed();
        for (int attempt = 0; attempt < 3; attempt++) {
            harness.cde.failOn("GET", "/jobs", 500, echoed);
        }
        CdeHarness.Outcome<ProvisionResult> failed = CdeHarness.provision(technology, request(), log);
        seen.add(failed.result().getLeft().describe());
        seen.add(failed.result().getLeft().detail());

        harness.cdp.failNext(403);
        harness.clock.advance(java.time.Duration.ofMinutes(5));
        CdeHarness.validate(technology, request(), Operation.VALIDATE)
                .getError()
                .forEach(problem -> seen.add(problem.describeWithFix()));

        seen.add(log.text());
        harness.observer.calls().forEach(call -> seen.add(call.toString()));

        assertThat(failed.result().getLeft().detail()).contains("crashed handling");
        for (String canary : canaries()) {
            assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(canary));
        }
    }

    @Test
    void configuration_problems_never_repeat_a_secret() {
        ObjectNode config = harness.config();
        ((ObjectNode) config.path("cdp")).put("privateKey", "canary-private-key-that-is-not-a-key");
        ((ObjectNode) config.path("workload")).put("password", "canary-password-9911");
        config.put("jobNamePolicy", "strict");

        var created = new CdeTechnologyProvider().create(new ConfigSection("cde", config), harness.context());

        assertThat(created.getError()).extracting(Problem::field).contains("cde.cdp.privateKey", "cde.jobNamePolicy");
        assertThat(created.getError()).allSatisfy(problem -> assertThat(problem.describeWithFix())
                .doesNotContain("canary-private-key-that-is-not-a-key")
                .doesNotContain("canary-password-9911"));
    }

    @Test
    void settings_and_keys_do_not_print_secrets() {
        AdapterSettings settings = AdapterSettings.from(
                        new ConfigSection("cde", harness.config())
                                .bind(CdeConfig.class)
                                .get(),
                        "cde")
                .get();

        assertThat(settings.toString()).doesNotContain(CdeHarness.PASSWORD).doesNotContain(TestKeys.ed25519Seed());
        assertThat(settings.apiKey().toString()).doesNotContain(TestKeys.ed25519Seed());
        assertThat(new ConfigSection("cde", harness.config())
                        .bind(CdeConfig.class)
                        .get()
                        .toString())
                .doesNotContain(CdeHarness.PASSWORD)
                .doesNotContain(TestKeys.ed25519Seed())
                .doesNotContain("canary-aws-secret-5d2e8c");
    }
}
