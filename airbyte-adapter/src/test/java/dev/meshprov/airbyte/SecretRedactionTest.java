package dev.meshprov.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.airbyte.FakeAirbyteServer.Fault;
import dev.meshprov.core.airbyte.AirbyteSpec;
import dev.meshprov.core.airbyte.AirbyteTestData;
import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.service.CallOptions;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Registration;
import dev.meshprov.core.service.Submission;
import dev.meshprov.core.service.Target;
import dev.meshprov.core.testing.CollectingOperationLog;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Snowflake password and the client secret (canary values) never appear in logs, statuses, problems or
 * failures, even when Airbyte echoes them back in its error answers.
 */
class SecretRedactionTest {

    private static final String PASSWORD = AirbyteTestData.SNOWFLAKE_PASSWORD;
    private static final String CLIENT_SECRET = "Client-Canary-S3cret-0042";
    private static final String WORKSPACE = AirbyteTestData.WORKSPACE;

    private final FakeAirbyteServer server = FakeAirbyteServer.start()
            .workspace(WORKSPACE, "secrets")
            .requireClientCredentials("meshprov-app", CLIENT_SECRET, 3600);
    private final Redactor redactor = new Redactor();
    private final CollectingUpstreamObserver observer = new CollectingUpstreamObserver();
    private final CollectingOperationLog log = new CollectingOperationLog();
    private final Technology<AirbyteSpec> technology = technology();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anEchoedDestinationConfigurationIsRedactedInTheFailure() {
        server.fail(Fault.rejectEchoing("POST", "/v1/destinations"), 1);

        UpstreamFailure failure =
                technology.provision(spec(Operation.PROVISION), log).getLeft();

        assertThat(failure).isInstanceOf(UpstreamFailure.Rejected.class);
        assertThat(failure.describe())
                .as("the echo reached meshprov")
                .contains("AIRBYTE_WH")
                .contains("***")
                .doesNotContain(PASSWORD);
        assertThat(log.text()).doesNotContain(PASSWORD);
    }

    @Test
    void anEchoedTokenRequestIsRedactedInTheProblem() {
        server.fail(Fault.rejectEchoing("POST", "/v1/applications/token"), 1);

        Problem problem = technology
                .validate(AirbyteTestData.request(AirbyteTestData.TEMPLATE), Operation.PROVISION)
                .getError()
                .single();

        assertThat(problem.isUpstream()).isTrue();
        assertThat(problem.message()).contains("meshprov-app").doesNotContain(CLIENT_SECRET);
        assertThat(problem.upstream().orElseThrow().describe()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void statusesOfFailedAndSuccessfulProvisioningHoldNoSecret() {
        Provisioner provisioner = Provisioner.builder()
                .redactor(redactor)
                .registration(Registration.enabled(
                        new AirbyteTechnologyProvider().descriptor(), technology, ExecutionMode.SYNC))
                .build();
        ProvisioningRequest request = ProvisioningRequest.ofComponentDescriptor(
                AirbyteTestData.descriptor(AirbyteTestData.TEMPLATE).text(), false);
        try (provisioner) {
            server.fail(Fault.rejectEchoing("POST", "/v1/destinations"), 1);
            ProvisioningStatus failed =
                    done(provisioner.provision(Target.technology("airbyte"), request, CallOptions.sync()));
            ProvisioningStatus completed =
                    done(provisioner.provision(Target.technology("airbyte"), request, CallOptions.sync()));

            assertThat(failed.state()).isEqualTo(OperationState.FAILED);
            assertThat(failed.result()).contains("rejected, 422");
            assertThat(completed.state()).isEqualTo(OperationState.COMPLETED);
            assertThat(failed.toString() + completed).doesNotContain(PASSWORD).doesNotContain(CLIENT_SECRET);
        }
    }

    @Test
    void aSuccessfulRunLogsAndReportsNoSecret() {
        var result = technology.provision(spec(Operation.PROVISION), log).get();

        assertThat(log.text() + result + observer.calls())
                .doesNotContain(PASSWORD)
                .doesNotContain(CLIENT_SECRET);
    }

    @Test
    void reverseProvisioningNeverCopiesASecretEvenWhenAirbyteShowsIt() {
        var provisioned = technology.provision(spec(Operation.PROVISION), log).get();
        String connectionId =
                String.valueOf(provisioned.info().orElseThrow().privateInfo().get("connectionId"));
        String destinationId =
                String.valueOf(provisioned.info().orElseThrow().privateInfo().get("destinationId"));
        String unmasked = server.stored("destinations").get(0).toString();
        server.fail(Fault.raw("GET", "/v1/destinations/" + destinationId, 200, unmasked), 1);

        var result = technology.reverse(
                new ReverseProvisioningRequest(
                        "urn:dmb:utm:airbyte-standard:0.0.0",
                        "development",
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                                .objectNode()
                                .put("connectionId", connectionId),
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()),
                log);

        assertThat(unmasked).contains(PASSWORD);
        assertThat(result.get().updates().toString()).contains("HEALTHCARE").doesNotContain(PASSWORD);
        assertThat(log.text()).doesNotContain(PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private Technology<AirbyteSpec> technology() {
        var created = new AirbyteTechnologyProvider()
                .create(
                        TestGateways.section(
                                server,
                                WORKSPACE,
                                AirbyteOverHttpTest.SNOWFLAKE_YAML
                                        + "auth: {type: clientCredentials, clientId: meshprov-app, clientSecret: "
                                        + CLIENT_SECRET + "}\n"),
                        TestGateways.context(Clock.systemUTC(), redactor, observer));
        return (Technology<AirbyteSpec>) created.get();
    }

    private AirbyteSpec spec(Operation operation) {
        return technology
                .validate(AirbyteTestData.request(AirbyteTestData.TEMPLATE), operation)
                .get();
    }

    private static ProvisioningStatus done(Submission<ProvisioningStatus> submission) {
        assertThat(submission).isInstanceOf(Submission.Done.class);
        return ((Submission.Done<ProvisioningStatus>) submission).value();
    }
}
