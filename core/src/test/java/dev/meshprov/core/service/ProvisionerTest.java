package dev.meshprov.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshprov.core.model.OperationState;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ProvisioningStatus;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningStatus;
import dev.meshprov.core.model.UpdateAclRequest;
import dev.meshprov.core.model.UpstreamOutage;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.model.ValidationStatus;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.TechnologyDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProvisionerTest {

    private static final String ITM = "urn:dmb:itm:scripted-provisioner:0";

    private final ScriptedTechnology technology = new ScriptedTechnology();
    private Provisioner provisioner = provisioner(ExecutionMode.SYNC);

    private Provisioner provisioner(ExecutionMode mode) {
        return Provisioner.builder()
                .routing(new RoutingTable(List.of(new Route(
                        "scripted", Set.of("urn:dmb:itm:scripted-provisioner"), Set.of("urn:dmb:utm:scripted")))))
                .registration(Registration.enabled(ScriptedTechnology.DESCRIPTOR, technology, mode))
                .registration(Registration.disabled(new TechnologyDescriptor(
                        "off", "Off", ExecutionMode.SYNC, false, Set.of("workload"), "Set off.enabled: true.")))
                .workers(4)
                .build();
    }

    @AfterEach
    void stop() {
        provisioner.shutdown(Duration.ofSeconds(5));
    }

    static String descriptor(String componentName, String specific) {
        return descriptor(componentName, specific, ITM);
    }

    static String descriptor(String componentName, String specific, String itm) {
        return """
                dataProduct:
                  id: urn:dmb:dp:finance:cashflow:1
                  domain: finance
                  version: 1.0.0
                  components:
                    - id: urn:dmb:cmp:finance:cashflow:1:%s
                      kind: workload
                      infrastructureTemplateId: %s
                      specific: %s
                componentIdToProvision: urn:dmb:cmp:finance:cashflow:1:%s
                """
                .formatted(componentName, itm, specific, componentName);
    }

    private static ProvisioningRequest request(String componentName, String specific) {
        return ProvisioningRequest.ofComponentDescriptor(descriptor(componentName, specific), false);
    }

    @Test
    void validatesThroughTheRoutedTechnology() {
        assertThat(provisioner
                        .validate(Target.auto(), request("a", "{}"), CallOptions.defaults())
                        .isValid())
                .isTrue();

        ValidationResult invalid =
                provisioner.validate(Target.auto(), request("a", "{invalid: yes}"), CallOptions.defaults());
        assertThat(invalid.problems())
                .extracting(Problem::field)
                .containsExactly("dataProduct.components[urn:dmb:cmp:finance:cashflow:1:a].specific.invalid");
    }

    @Test
    void anUnroutableComponentNamesWhatIsSupported() {
        ProvisioningRequest request =
                ProvisioningRequest.ofComponentDescriptor(descriptor("a", "{}", "urn:dmb:itm:unknown:1"), false);

        Problem problem = provisioner
                .validate(Target.auto(), request, CallOptions.defaults())
                .problems()
                .get(0);

        assertThat(problem.field()).endsWith(".infrastructureTemplateId");
        assertThat(problem.message()).contains("urn:dmb:itm:unknown:1").contains("no technology");
        assertThat(problem.solution()).contains("scripted (urn:dmb:itm:scripted-provisioner");
    }

    @Test
    void aDisabledTechnologySaysHowToEnableIt() {
        ProvisioningRequest request = ProvisioningRequest.ofComponentDescriptor(
                descriptor("a", "{}", "urn:dmb:itm:custom-template:0"), false);
        Problem problem = provisioner
                .validate(Target.technology("off"), request, CallOptions.defaults())
                .problems()
                .get(0);

        assertThat(problem.message()).contains("not enabled");
        assertThat(problem.solution()).isEqualTo("Set off.enabled: true.");
    }

    @Test
    void anEndpointOfAnotherTechnologyIsRefused() {
        Problem problem = provisioner
                .validate(Target.technology("off"), request("a", "{}"), CallOptions.defaults())
                .problems()
                .get(0);
        assertThat(problem.field()).endsWith("infrastructureTemplateId");

        ProvisioningRequest routedElsewhere = ProvisioningRequest.ofComponentDescriptor(
                descriptor("a", "{}", "urn:dmb:itm:aws-workload-airflow-provisioner:0"), false);
        Provisioner withDefaults = Provisioner.builder()
                .registration(Registration.enabled(ScriptedTechnology.DESCRIPTOR, technology, ExecutionMode.SYNC))
                .build();
        try {
            Problem mismatch = withDefaults
                    .validate(Target.technology("scripted"), routedElsewhere, CallOptions.defaults())
                    .problems()
                    .get(0);
            assertThat(mismatch.message()).contains("routes this component to the mwaa technology");
        } finally {
            withDefaults.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void syncProvisionReturnsTheStatusWithInfoAndLogs() {
        Submission<ProvisioningStatus> answer =
                provisioner.provision(Target.auto(), request("a", "{name: alpha}"), CallOptions.defaults());

        ProvisioningStatus status = ((Submission.Done<ProvisioningStatus>) answer).value();
        assertThat(status.state()).isEqualTo(OperationState.COMPLETED);
        assertThat(status.result()).isEqualTo("provision done");
        assertThat(status.info().orElseThrow().privateInfo()).containsEntry("thingId", "id-alpha");
        assertThat(status.logs())
                .extracting(l -> l.message())
                .containsSubsequence(
                        "Provisioning urn:dmb:cmp:finance:cashflow:1:a with the scripted technology",
                        "working on alpha");
    }

    @Test
    void anUpstreamFailureIsAFailedStatusNamingTheCall() {
        ProvisioningStatus status = ((Submission.Done<ProvisioningStatus>)
                        provisioner.provision(Target.auto(), request("a", "{outcome: fail}"), CallOptions.defaults()))
                .value();

        assertThat(status.state()).isEqualTo(OperationState.FAILED);
        assertThat(status.result())
                .contains("Fake POST /things failed (rejected, 422)")
                .contains("url: must be https");
        assertThat(status.info()).isEmpty();
    }

    @Test
    void aBugIsAFailedStatusThatDoesNotLeakTheStackTrace() {
        ProvisioningStatus status = ((Submission.Done<ProvisioningStatus>)
                        provisioner.provision(Target.auto(), request("a", "{outcome: bug}"), CallOptions.defaults()))
                .value();

        assertThat(status.state()).isEqualTo(OperationState.FAILED);
        assertThat(status.result()).startsWith("Internal error in meshprov (IllegalStateException: scripted bug)");
    }

    @Test
    void invalidRequestsAreRejectedBeforeAnythingRuns() {
        Submission<ProvisioningStatus> answer =
                provisioner.provision(Target.auto(), request("a", "{invalid: yes}"), CallOptions.defaults());

        assertThat(answer).isInstanceOf(Submission.Rejected.class);
        assertThat(technology.events).isEmpty();
    }

    @Test
    void anUpstreamFailureDuringValidationIsCouldNotCheckNotARejection() {
        Submission<ProvisioningStatus> answer =
                provisioner.provision(Target.auto(), request("a", "{unreachable: yes}"), CallOptions.defaults());

        assertThat(answer)
                .isInstanceOfSatisfying(Submission.CouldNotCheck.class, notChecked -> assertThat(notChecked.outages())
                        .singleElement()
                        .satisfies(outage -> {
                            UpstreamOutage o = (UpstreamOutage) outage;
                            assertThat(o.describe()).isEqualTo("Fake GET /thing: unreachable: connection refused");
                            assertThat(o.kind()).isEqualTo(UpstreamOutage.Kind.UNREACHABLE);
                            assertThat(o.target()).isEqualTo("/thing");
                            assertThat(o.fix()).isEqualTo("Retry later.");
                        }));
        assertThat(technology.events).isEmpty();
    }

    @Test
    void validationThatCouldNotReachTheUpstreamIsNeitherValidNorInvalid() {
        ValidationResult result =
                provisioner.validate(Target.auto(), request("a", "{unreachable: yes}"), CallOptions.defaults());

        assertThat(result.isValid()).isFalse();
        assertThat(result.isInvalid()).isFalse();
        assertThat(result.couldNotCheck()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.outages())
                .extracting(UpstreamOutage::field)
                .containsExactly("dataProduct.components[urn:dmb:cmp:finance:cashflow:1:a].specific");
    }

    @Test
    void anInvalidInputIsInvalidEvenWhenACheckCouldNotBeMadeAndListsBoth() {
        ValidationResult result =
                provisioner.validate(Target.auto(), request("a", "{forbidden: yes}"), CallOptions.defaults());

        assertThat(result.isInvalid()).isTrue();
        assertThat(result.couldNotCheck()).isFalse();
        assertThat(result.problems()).extracting(Problem::message).containsExactly("is set");
        assertThat(result.outages()).extracting(UpstreamOutage::kind).containsExactly(UpstreamOutage.Kind.FORBIDDEN);
        assertThat(provisioner.provision(Target.auto(), request("a", "{forbidden: yes}"), CallOptions.defaults()))
                .isInstanceOf(Submission.Rejected.class);
    }

    @Test
    void aPlanWhoseUpstreamStateCannotBeReadIsCouldNotCheck() {
        Submission<Plan> plan =
                provisioner.plan(Target.auto(), request("a", "{planTimesOut: yes}"), CallOptions.defaults());

        assertThat(plan)
                .isInstanceOfSatisfying(Submission.CouldNotCheck.class, notChecked -> assertThat(notChecked.outages())
                        .singleElement()
                        .satisfies(outage ->
                                assertThat(((UpstreamOutage) outage).kind()).isEqualTo(UpstreamOutage.Kind.TIMED_OUT)));
    }

    @Test
    void anAsyncValidationThatCouldNotCheckFailsWithItsResult() throws Exception {
        String token = token(provisioner.validateAsync(Target.auto(), request("a", "{unreachable: yes}")));

        ValidationStatus status = awaitValidation(token);

        assertThat(status.state()).isEqualTo(OperationState.FAILED);
        assertThat(status.result())
                .hasValueSatisfying(result -> assertThat(result.couldNotCheck()).isTrue());
    }

    @Test
    void asyncProvisionAnswersWithATokenAndThenTheOutcome() throws Exception {
        provisioner = provisioner(ExecutionMode.ASYNC);

        String ok = token(provisioner.provision(Target.auto(), request("a", "{}"), CallOptions.defaults()));
        String failed =
                token(provisioner.provision(Target.auto(), request("b", "{outcome: fail}"), CallOptions.defaults()));

        assertThat(awaitFinished(() -> provisioner.status(ok)).state()).isEqualTo(OperationState.COMPLETED);
        assertThat(awaitFinished(() -> provisioner.status(failed)).state()).isEqualTo(OperationState.FAILED);
        assertThat(provisioner.status("unknown")).isEmpty();
    }

    @Test
    void operationsOnOneComponentRunOneAfterTheOtherInOrderOfArrival() throws Exception {
        provisioner = provisioner(ExecutionMode.ASYNC);

        String first = token(
                provisioner.provision(Target.auto(), request("a", "{name: first, gate: g1}"), CallOptions.defaults()));
        assertThat(technology.awaitStarted("g1")).isTrue();
        String second =
                token(provisioner.unprovision(Target.auto(), request("a", "{name: second}"), CallOptions.defaults()));

        assertThat(provisioner.status(second).orElseThrow().state()).isEqualTo(OperationState.RUNNING);
        assertThat(technology.events).containsExactly("start provision first");
        technology.open("g1");

        awaitFinished(() -> provisioner.status(second));
        assertThat(provisioner.status(first).orElseThrow().state()).isEqualTo(OperationState.COMPLETED);
        assertThat(technology.events)
                .containsExactly(
                        "start provision first",
                        "end provision first",
                        "start unprovision second",
                        "end unprovision second");
    }

    @Test
    void differentComponentsRunInParallel() throws Exception {
        provisioner = provisioner(ExecutionMode.ASYNC);

        String a = token(
                provisioner.provision(Target.auto(), request("a", "{name: a, gate: ga}"), CallOptions.defaults()));
        String b = token(
                provisioner.provision(Target.auto(), request("b", "{name: b, gate: gb}"), CallOptions.defaults()));

        assertThat(technology.awaitStarted("ga")).isTrue();
        assertThat(technology.awaitStarted("gb")).isTrue();
        technology.open("ga");
        technology.open("gb");
        assertThat(awaitFinished(() -> provisioner.status(a)).state()).isEqualTo(OperationState.COMPLETED);
        assertThat(awaitFinished(() -> provisioner.status(b)).state()).isEqualTo(OperationState.COMPLETED);
    }

    @Test
    void syncCallersAreSerialisedWithAsyncOnesToo() throws Exception {
        provisioner = provisioner(ExecutionMode.ASYNC);
        token(provisioner.provision(Target.auto(), request("a", "{name: first, gate: g2}"), CallOptions.defaults()));
        assertThat(technology.awaitStarted("g2")).isTrue();

        CompletableFuture<Submission<ProvisioningStatus>> sync = CompletableFuture.supplyAsync(
                () -> provisioner.provision(Target.auto(), request("a", "{name: second}"), CallOptions.sync()));
        assertThat(sync).isNotDone();
        technology.open("g2");

        Submission<ProvisioningStatus> answer = sync.get(10, TimeUnit.SECONDS);
        assertThat(((Submission.Done<ProvisioningStatus>) answer).value().state())
                .isEqualTo(OperationState.COMPLETED);
        assertThat(technology.events)
                .containsExactly(
                        "start provision first",
                        "end provision first",
                        "start provision second",
                        "end provision second");
    }

    @Test
    void shutdownFailsWhatIsStillWaitingSoPollersGetAnAnswer() throws Exception {
        provisioner = provisioner(ExecutionMode.ASYNC);
        String running = token(
                provisioner.provision(Target.auto(), request("a", "{name: r, gate: never}"), CallOptions.defaults()));
        assertThat(technology.awaitStarted("never")).isTrue();
        String queued = token(provisioner.provision(Target.auto(), request("a", "{name: q}"), CallOptions.defaults()));

        provisioner.shutdown(Duration.ofMillis(200));

        assertThat(provisioner.status(running).orElseThrow().state()).isEqualTo(OperationState.FAILED);
        ProvisioningStatus waiting = provisioner.status(queued).orElseThrow();
        assertThat(waiting.state()).isEqualTo(OperationState.FAILED);
        assertThat(waiting.result()).contains("stopped before this operation finished");
    }

    @Test
    void updateAclReadsTheComponentFromProvisionInfoInBothShapes() {
        String descriptor = descriptor("a", "{}");
        String asRequestJson = JsonNodeFactory.instance
                .objectNode()
                .put("descriptorKind", "COMPONENT_DESCRIPTOR")
                .put("descriptor", descriptor)
                .toString();

        for (String provisionRequest : List.of(descriptor, asRequestJson)) {
            Submission<ProvisioningStatus> answer = provisioner.updateAcl(
                    Target.auto(),
                    new UpdateAclRequest(List.of("user:alice", "group:dev"), provisionRequest, "ok"),
                    CallOptions.defaults());
            ProvisioningStatus status = ((Submission.Done<ProvisioningStatus>) answer).value();
            assertThat(status.state()).isEqualTo(OperationState.COMPLETED);
            assertThat(status.logs())
                    .extracting(l -> l.message())
                    .contains("nothing to change for [user:alice, group:dev]");
        }
    }

    @Test
    void updateAclWithAnUnreadableRequestIsRejectedNamingTheField() {
        Submission<ProvisioningStatus> answer = provisioner.updateAcl(
                Target.auto(), new UpdateAclRequest(List.of(), "{not yaml", "ok"), CallOptions.defaults());

        assertThat(answer).isInstanceOf(Submission.Rejected.class);
        Problem problem =
                ((Submission.Rejected<ProvisioningStatus>) answer).problems().get(0);
        assertThat(problem.field()).isEqualTo("provisionInfo.request");
    }

    @Test
    void validationRunsInTheBackgroundOnRequest() throws Exception {
        String token = token(provisioner.validateAsync(Target.auto(), request("a", "{invalid: yes}")));

        ValidationStatus status = awaitValidation(token);

        assertThat(status.state()).isEqualTo(OperationState.COMPLETED);
        assertThat(status.result().orElseThrow().isValid()).isFalse();
        assertThat(provisioner.status(token))
                .as("a validation token is not a provisioning token")
                .isEmpty();
    }

    @Test
    void reverseProvisioningSyncAndAsync() throws Exception {
        ReverseProvisioningRequest request = new ReverseProvisioningRequest(
                "urn:dmb:utm:scripted:0.0.0",
                "development",
                JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.objectNode());

        Submission<ReverseProvisioningStatus> sync =
                provisioner.reverse(Target.auto(), request, CallOptions.defaults());
        assertThat(((Submission.Done<ReverseProvisioningStatus>) sync).value().updates())
                .containsKey("spec.mesh.specific");

        Submission<ReverseProvisioningStatus> invalid = provisioner.reverse(
                Target.auto(),
                new ReverseProvisioningRequest(
                        "urn:dmb:utm:scripted:0",
                        "dev",
                        JsonNodeFactory.instance.objectNode().put("missing", true),
                        JsonNodeFactory.instance.objectNode()),
                CallOptions.defaults());
        assertThat(invalid).isInstanceOf(Submission.Rejected.class);

        Submission<ReverseProvisioningStatus> upstream = provisioner.reverse(
                Target.auto(),
                new ReverseProvisioningRequest(
                        "urn:dmb:utm:scripted:0",
                        "dev",
                        JsonNodeFactory.instance.objectNode().put("unreachable", true),
                        JsonNodeFactory.instance.objectNode()),
                CallOptions.defaults());
        assertThat(((Submission.Done<ReverseProvisioningStatus>) upstream)
                        .value()
                        .state())
                .isEqualTo(OperationState.FAILED);

        provisioner = provisioner(ExecutionMode.ASYNC);
        String token = token(provisioner.reverse(Target.auto(), request, CallOptions.defaults()));
        ReverseProvisioningStatus status = null;
        for (int i = 0; i < 200 && (status == null || status.state() == OperationState.RUNNING); i++) {
            status = provisioner.reverseStatus(token).orElseThrow();
            Thread.sleep(10);
        }
        assertThat(status.state()).isEqualTo(OperationState.COMPLETED);
        assertThat(status.updates()).containsKey("spec.mesh.specific");
    }

    @Test
    void anUnreachableTaskStoreIsASystemFailureAndNothingRuns() {
        Provisioner broken = Provisioner.builder()
                .routing(new RoutingTable(List.of(new Route(
                        "scripted", Set.of("urn:dmb:itm:scripted-provisioner"), Set.of("urn:dmb:utm:scripted")))))
                .registration(Registration.enabled(ScriptedTechnology.DESCRIPTOR, technology, ExecutionMode.ASYNC))
                .taskStore(new dev.meshprov.core.port.TaskStore() {
                    @Override
                    public void insert(dev.meshprov.core.model.Task task) {
                        throw new IllegalStateException("connection refused: db:5432");
                    }

                    @Override
                    public void update(dev.meshprov.core.model.Task task) {}

                    @Override
                    public Optional<dev.meshprov.core.model.Task> find(String token) {
                        return Optional.empty();
                    }
                })
                .build();
        try {
            Submission<ProvisioningStatus> answer =
                    broken.provision(Target.auto(), request("a", "{}"), CallOptions.defaults());

            assertThat(answer).isInstanceOf(Submission.SystemFailure.class);
            assertThat(((Submission.SystemFailure<ProvisioningStatus>) answer).message())
                    .contains("could not record the task (connection refused: db:5432)")
                    .contains("retry later");
            assertThat(technology.events).isEmpty();
        } finally {
            broken.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void planReadsWithoutRunningAnything() {
        Submission<Plan> plan = provisioner.plan(Target.auto(), request("a", "{}"), CallOptions.defaults());

        assertThat(((Submission.Done<Plan>) plan).value().changes()).hasSize(1);
        assertThat(technology.events).isEmpty();
    }

    @Test
    void readinessCoversEnabledTechnologiesOnly() {
        assertThat(provisioner.readiness()).containsOnlyKeys("scripted");
    }

    private static String token(Submission<?> submission) {
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted<?>) submission).token();
    }

    private static ProvisioningStatus awaitFinished(Supplier<Optional<ProvisioningStatus>> status)
            throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            ProvisioningStatus current = status.get().orElseThrow();
            if (current.state() != OperationState.RUNNING) {
                return current;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the task did not finish");
    }

    private ValidationStatus awaitValidation(String token) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            ValidationStatus current = provisioner.validationStatus(token).orElseThrow();
            if (current.state() != OperationState.RUNNING) {
                return current;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the validation did not finish");
    }
}
