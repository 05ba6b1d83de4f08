package dev.meshprov.core.airbyte;

import static dev.meshprov.core.airbyte.AirbyteProvisioningTest.privateInfo;
import static dev.meshprov.core.airbyte.DescriptorReadingTest.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.airbyte.AirbyteTestData.Descriptor;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.CollectingOperationLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unprovisioning (connection, destination, source; gone is fine) and plans (per entity, without writing). */
class AirbyteUnprovisioningAndPlanTest {

    private final InMemoryAirbyteGateway gateway = new InMemoryAirbyteGateway(AirbyteTestData.WORKSPACE);
    private final AirbyteTechnology technology =
            new AirbyteTechnology(AirbyteTestData.settings(), gateway, new Redactor());
    private final CollectingOperationLog log = new CollectingOperationLog();

    @Test
    void unprovisioningDeletesConnectionDestinationAndSourceInThatOrder() {
        ProvisionResult provisioned = provision(template());
        var ids = privateInfo(provisioned);
        int before = gateway.calls().size();

        ProvisionResult removed = unprovision(template().previousPrivateInfo(ids));

        assertThat(gateway.stored(ConnectorKind.SOURCE)).isEmpty();
        assertThat(gateway.stored(ConnectorKind.DESTINATION)).isEmpty();
        assertThat(gateway.storedConnections()).isEmpty();
        assertThat(gateway.calls().subList(before, gateway.calls().size()))
                .containsSubsequence("deleteConnection", "deleteConnector", "deleteConnector")
                .doesNotContain("connectorsNamed", "connectionsNamed");
        assertThat(log.lines())
                .endsWith(
                        "INFO [connection] Deleted connection 'healthcare.vaccinations.0.File <> Snowflake' ("
                                + ids.get("connectionId") + ")",
                        "INFO [destination] Deleted destination 'healthcare.vaccinations.0.Snowflake' ("
                                + ids.get("destinationId") + ")",
                        "INFO [source] Deleted source 'healthcare.vaccinations.0.Vaccinations' (" + ids.get("sourceId")
                                + ")");
        assertThat(removed.message()).contains(" removed: connection deleted, destination deleted, source deleted");
    }

    @Test
    void unprovisioningTwiceSucceedsWithNothingLeftToDelete() {
        ProvisionResult provisioned = provision(template());
        unprovision(template().previousPrivateInfo(privateInfo(provisioned)));

        ProvisionResult again = unprovision(template().previousPrivateInfo(privateInfo(provisioned)));

        assertThat(again.message())
                .startsWith("Airbyte entities of ")
                .endsWith(" were already absent; nothing to remove: connection already gone, destination already"
                        + " gone, source already gone");
        assertThat(log.text()).contains("No connection named 'healthcare.vaccinations.0.File <> Snowflake' exists");
    }

    @Test
    void unprovisioningByNameNeverDeletesAGuess() {
        String first = gateway.seed(
                ConnectorKind.SOURCE,
                AirbyteTestData.WORKSPACE,
                "healthcare.vaccinations.0.Vaccinations",
                Jsons.object());
        gateway.seed(
                ConnectorKind.SOURCE,
                AirbyteTestData.WORKSPACE,
                "healthcare.vaccinations.0.Vaccinations",
                Jsons.object());
        AirbyteSpec spec = valid(technology.validate(template().request(), Operation.UNPROVISION));

        UpstreamFailure failure = technology.unprovision(spec, log).getLeft();

        assertThat(failure.describe()).contains(first);
        assertThat(gateway.stored(ConnectorKind.SOURCE)).hasSize(2);
    }

    @Test
    void removeDataIsExplainedNotIgnored() {
        provision(template());

        unprovision(template().removeData(true));

        assertThat(log.text()).contains("WARNING [removeData]").contains("Airbyte cannot delete data it has written");
    }

    @Test
    void aPlanFromScratchCreatesEverythingAndWritesNothing() {
        Plan plan = plan(template().set("specific.connection.syncOnProvision", "true"));

        assertThat(entitiesAndKinds(plan))
                .containsExactly("source CREATE", "destination CREATE", "connection CREATE", "job CREATE");
        assertThat(gateway.writes()).isZero();
    }

    @Test
    void aPlanAfterProvisioningIsANoopAndNamesWhatAChangeWouldDo() {
        ProvisionResult provisioned = provision(template());
        int writes = gateway.writes();

        Plan unchanged = plan(template().previousPrivateInfo(privateInfo(provisioned)));
        Plan changed = plan(template()
                .previousPrivateInfo(privateInfo(provisioned))
                .set("specific.source.connectionConfiguration.format", "json")
                .set("specific.connection.status", "inactive"));

        assertThat(unchanged.isNoop()).isTrue();
        assertThat(changed.changes())
                .extracting(PlannedChange::kind, PlannedChange::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ChangeKind.UPDATE,
                                "differs in configuration.format, configuration.reader_options (removed)"),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.UNCHANGED, "up to date"),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.UPDATE, "status: active -> inactive"));
        assertThat(gateway.writes()).isEqualTo(writes);
    }

    @Test
    void aPlanShowsTheConnectionReplacedWhenItsSourceIsGone() {
        ProvisionResult provisioned = provision(template());
        gateway.removeDirectly(privateInfo(provisioned).get("sourceId"));

        Plan plan = plan(template().previousPrivateInfo(privateInfo(provisioned)));

        assertThat(entitiesAndKinds(plan))
                .containsExactly("source CREATE", "destination UNCHANGED", "connection REPLACE");
    }

    @Test
    void aPlanOfAnUnprovisionShowsTheDeletions() {
        provision(template());

        Plan plan = technology
                .plan(valid(technology.validate(template().request(), Operation.UNPROVISION)))
                .get();

        assertThat(entitiesAndKinds(plan)).containsExactly("connection DELETE", "destination DELETE", "source DELETE");
    }

    private static Descriptor template() {
        return AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE);
    }

    private ProvisionResult provision(Descriptor descriptor) {
        return technology
                .provision(valid(technology.validate(descriptor.request(), Operation.PROVISION)), log)
                .get();
    }

    private ProvisionResult unprovision(Descriptor descriptor) {
        return technology
                .unprovision(valid(technology.validate(descriptor.request(), Operation.UNPROVISION)), log)
                .get();
    }

    /** Each planned change as its entity and kind, e.g. {@code source CREATE}. */
    private static List<String> entitiesAndKinds(Plan plan) {
        return plan.changes().stream()
                .map(change -> change.entity() + " " + change.kind())
                .toList();
    }

    private Plan plan(Descriptor descriptor) {
        return technology
                .plan(valid(technology.validate(descriptor.request(), Operation.PROVISION)))
                .get();
    }
}
