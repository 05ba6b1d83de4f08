package dev.meshprov.core.mwaa;

import static dev.meshprov.core.mwaa.MwaaFixtures.SPECIFIC;
import static dev.meshprov.core.mwaa.MwaaFixtures.environment;
import static dev.meshprov.core.mwaa.MwaaFixtures.fixture;
import static dev.meshprov.core.mwaa.MwaaFixtures.technology;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.Operation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-environment overrides, the wildcard entry and the checks of configured values. */
class MwaaSettingsTest {

    @Test
    void anEnvironmentNameIsQuotedInAKeyExactlyWhenItIsNotABareKey() {
        for (String name : List.of("analytics", "prod_eu-1", "A9", "*", "", "two words", "dev.env", "é", "x\"y")) {
            boolean bare = name.matches("[A-Za-z0-9_-]+");
            assertThat(MwaaSettings.EnvironmentMatch.quoted(name)).as(name).isEqualTo(bare ? name : "\"" + name + "\"");
        }
    }

    @Test
    void anEnvironmentsOwnEntryWinsOverTheWildcardAndNamesMatchIgnoringCase() {
        Map<String, EnvironmentSettings> environments = new LinkedHashMap<>();
        environments.put("*", environment(null, "staging/", "dags/", null));
        environments.put("Production", environment("finance-mwaa-prod", null, null, null));
        MwaaSettings settings = new MwaaSettings(Set.of(), environments, true);

        assertThat(settings.environmentFor(Optional.of("production"))
                        .orElseThrow()
                        .name())
                .isEqualTo("Production");
        assertThat(settings.environmentFor(Optional.of("Production"))
                        .orElseThrow()
                        .name())
                .isEqualTo("Production");
        assertThat(settings.environmentFor(Optional.of("development"))
                        .orElseThrow()
                        .name())
                .isEqualTo("*");
        assertThat(settings.environmentFor(Optional.empty()).orElseThrow().name())
                .isEqualTo("*");
        assertThat(new MwaaSettings(Set.of(), Map.of(), true).environmentFor(Optional.of("x")))
                .isEmpty();
    }

    @Test
    void knownBucketsAreTheAllowListAndTheEnvironmentsBuckets() {
        MwaaSettings settings = new MwaaSettings(
                Set.of("a-bucket"), Map.of("prod", environment("prod-bucket", null, null, null)), true);

        assertThat(settings.knownBuckets()).containsExactly("a-bucket", "prod-bucket");
        assertThat(settings.allows("prod-bucket")).isTrue();
        assertThat(settings.allows("other")).isFalse();
    }

    @Test
    void theConfigurationOverridesTheDescriptorAndSaysSo() {
        MwaaSettings settings = MwaaFixtures.withEnvironment(
                "development",
                environment("finance-mwaa-dev-cfg", "ci/", "airflow/dags/", "https://airflow.example.org/"));
        InMemoryDagStore store = InMemoryDagStore.withBuckets();
        store.seed(new ObjectRef("finance-mwaa-dev-cfg", "ci/finance.cashflow.1.cashflow_daily.py"), "print(1)\n");

        Validation<Seq<Problem>, MwaaSpec> result =
                technology(settings, store).validate(fixture("template-output.yaml"), Operation.PROVISION);

        assertThat(result.isValid()).as("%s", result).isTrue();
        ResolvedDag dag = result.get().dag();
        assertThat(dag.keys().bucket()).isEqualTo("finance-mwaa-dev-cfg");
        assertThat(dag.keys().dagKey()).isEqualTo("airflow/dags/finance_cashflow_1_cashflow_daily.py");
        assertThat(dag.airflowDagUrl())
                .contains("https://airflow.example.org/dags/finance_cashflow_1_cashflow_daily/grid");
        assertThat(dag.overrides())
                .containsExactly(
                        "sourcePath: using 'ci/' from mwaa.environments.development.sourcePath instead of the"
                                + " descriptor's 'source/'",
                        "destinationPath: using 'airflow/dags/' from mwaa.environments.development.destinationPath"
                                + " instead of the descriptor's 'dags/'",
                        "bucketName: using 'finance-mwaa-dev-cfg' from mwaa.environments.development.bucket instead"
                                + " of the descriptor's 'finance-mwaa-dev'");
    }

    @Test
    void aConfiguredBucketNeedsNoAllowListEntryAndIgnoresTheDescriptorsPlaceholder() {
        MwaaSettings settings =
                new MwaaSettings(Set.of(), Map.of("*", environment("finance-mwaa-dev", null, null, null)), true);
        InMemoryDagStore store = InMemoryDagStore.withBuckets();

        Validation<Seq<Problem>, MwaaSpec> result = technology(settings, store)
                .validate(
                        MwaaFixtures.withSpecific("dagName: cashflow_daily.py\nsourcePath: source/\n"
                                + "destinationPath: dags/\nbucketName: bucketname\n"),
                        Operation.UNPROVISION);

        assertThat(result.isValid()).as("%s", result).isTrue();
        assertThat(result.get().keys().bucket()).isEqualTo("finance-mwaa-dev");
        assertThat(result.get().dag().overrides())
                .singleElement()
                .asString()
                .contains("mwaa.environments.\"*\".bucket");
    }

    @Test
    void aValueEqualToTheDescriptorsIsNoOverride() {
        MwaaSettings settings =
                MwaaFixtures.withEnvironment("development", environment(null, "source/", "dags/", null));
        Validation<Seq<Problem>, MwaaSpec> result = technology(settings, InMemoryDagStore.withBuckets())
                .validate(fixture("template-output.yaml"), Operation.UNPROVISION);

        assertThat(result.get().dag().overrides()).isEmpty();
    }

    @Test
    void descriptorFieldsTheConfigurationReplacesMayBeAbsent() {
        MwaaSettings settings = MwaaSettings.embeddedDefault();
        InMemoryDagStore store = InMemoryDagStore.withoutBuckets();
        store.seed(new ObjectRef("", "staging/finance.cashflow.1.cashflow_daily.py"), "print(1)\n");

        Validation<Seq<Problem>, MwaaSpec> result = technology(settings, store)
                .validate(MwaaFixtures.withSpecific("dagName: cashflow_daily.py\n"), Operation.PROVISION);

        assertThat(result.isValid()).as("%s", result).isTrue();
        assertThat(result.get().dag().overrides())
                .contains(
                        "sourcePath: using 'staging/' from mwaa.environments.\"*\".sourcePath (the descriptor has none)");
    }

    @Test
    void aConfiguredStagingPrefixInsideTheDescriptorsDagFolderBlamesTheDestination() {
        MwaaSettings settings = MwaaFixtures.withEnvironment("development", environment(null, "dags/ci/", null, null));

        Validation<Seq<Problem>, MwaaSpec> result = technology(settings, InMemoryDagStore.withBuckets())
                .validate(fixture("template-output.yaml"), Operation.VALIDATE);

        assertThat(result.getError().map(Problem::field)).containsExactly(SPECIFIC + ".destinationPath");
        assertThat(result.getError().head().message()).contains("mwaa.environments.development.sourcePath");
    }

    @Test
    void reportsEveryBadConfiguredValueByItsKey() {
        Map<String, EnvironmentSettings> environments = new LinkedHashMap<>();
        environments.put("*", environment("Bad_Bucket", "/abs/", "../dags/", "ftp://airflow"));
        environments.put("prod", environment(null, "dags/staging/", "dags/", "https://airflow.example.org?x=1"));
        MwaaSettings settings = new MwaaSettings(Set.of("ok-bucket", "NOT OK"), environments, true);

        List<Problem> problems = settings.problems("mwaa");

        assertThat(problems)
                .extracting(Problem::field)
                .containsExactly(
                        "mwaa.allowedBuckets",
                        "mwaa.environments.\"*\".bucket",
                        "mwaa.environments.\"*\".sourcePath",
                        "mwaa.environments.\"*\".destinationPath",
                        "mwaa.environments.\"*\".airflowUiUrl",
                        "mwaa.environments.prod.sourcePath",
                        "mwaa.environments.prod.airflowUiUrl");
        assertThat(problems.get(0).message()).contains("'NOT OK'");
        assertThat(problems.get(5).message()).contains("inside the DAG folder");
    }

    @Test
    void theEmbeddedDefaultIsValid() {
        assertThat(MwaaSettings.embeddedDefault().problems("mwaa")).isEmpty();
        assertThat(MwaaSettings.embeddedDefault().environmentFor(Optional.of("anything")))
                .hasValueSatisfying(match -> assertThat(match.settings()).isEqualTo(MwaaSettings.defaultEnvironment()));
    }
}
