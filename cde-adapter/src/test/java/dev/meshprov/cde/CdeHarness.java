package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import dev.meshprov.core.testing.MutableClock;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A CDP control plane, a CDE service and an S3 endpoint on loopback, and the CDE technology created by its
 * provider from a configuration pointing at them. Service {@code finance-de} with virtual cluster
 * {@code finance-vc} is running. Registered on an instance field ({@code @RegisterExtension}), it is closed after
 * each test.
 */
final class CdeHarness implements AutoCloseable, AfterEachCallback {

    static final String USER = "srv_meshprov";
    static final String PASSWORD = "canary-workload-password-7f3a91";
    static final String SERVICE = "finance-de";
    static final String VC = "finance-vc";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    final CollectingUpstreamObserver observer = new CollectingUpstreamObserver();
    final Redactor redactor = new Redactor();
    final FakeCdpServer cdp = FakeCdpServer.create(TestKeys.ACCESS_KEY_ID, TestKeys.ED25519.getPublic(), "Ed25519");
    final FakeCdeServer cde = FakeCdeServer.create(USER, PASSWORD, clock);
    private final String s3Endpoint;

    CdeHarness(String s3Endpoint) {
        this.s3Endpoint = s3Endpoint;
        cdp.addService(SERVICE, "ClusterCreationCompleted", cde.hostAndPort());
        cdp.addVc(SERVICE, VC, "AppInstalled", cde.apiUrl());
    }

    /** A harness on {@code s3}, which holds the jvm-job fixture's artifacts as they were first put. */
    static CdeHarness withJvmJobArtifacts(S3MockExtension s3) {
        LoopbackS3.putJvmJobArtifacts(s3);
        return new CdeHarness(s3.getServiceEndpoint());
    }

    /** The configuration section pointing at the loopback servers, with short backoffs. */
    ObjectNode config() {
        ObjectNode config = LoopbackServer.JSON.createObjectNode();
        config.putObject("cdp")
                .put("endpoint", cdp.url())
                .put("accessKeyId", TestKeys.ACCESS_KEY_ID)
                .put("privateKey", TestKeys.ed25519Seed());
        config.putObject("workload").put("user", USER).put("password", PASSWORD);
        config.putObject("aws")
                .put("region", "us-east-1")
                .put("endpoint", s3Endpoint)
                .put("pathStyleAccess", true)
                .put("accessKeyId", "test-access-key")
                .put("secretAccessKey", "canary-aws-secret-5d2e8c");
        config.put("tokenUrl", "http://{clusterFqdn}" + FakeCdeServer.TOKEN_PATH);
        config.putObject("retries")
                .put("maxAttempts", 3)
                .put("initialBackoff", "1ms")
                .put("maxBackoff", "5ms");
        // generous: a loaded CI machine must not turn a slow loopback answer into a failure; tests of timeouts set
        // their own short ones
        config.putObject("timeouts").put("connect", "10s").put("read", "10s");
        return config;
    }

    TechnologyContext context() {
        return new TechnologyContext(clock, redactor, Path.of("."), observer);
    }

    Technology<?> technology() {
        return technology(config());
    }

    Technology<?> technology(ObjectNode config) {
        var created = new CdeTechnologyProvider().create(new ConfigSection("cde", config), context());
        if (created.isInvalid()) {
            throw new AssertionError("configuration refused: " + created.getError());
        }
        return created.get();
    }

    CdeTechnologyProvider.Gateways gateways(ObjectNode config) {
        return CdeTechnologyProvider.wire(
                AdapterSettings.from(config(config), "cde").get(), context());
    }

    private static dev.meshprov.cde.CdeConfig config(ObjectNode node) {
        return new ConfigSection("cde", node).bind(CdeConfig.class).get();
    }

    // ---------------------------------------------------------------- running operations on a Technology<?>

    /** The outcome of validating and then running an operation. */
    record Outcome<T>(Seq<Problem> problems, Either<UpstreamFailure, T> result) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    static Validation<Seq<Problem>, ?> validate(
            Technology<?> technology, ComponentRequest request, Operation operation) {
        return technology.validate(request, operation);
    }

    static Outcome<ProvisionResult> provision(Technology<?> technology, ComponentRequest request, OperationLog log) {
        return run(technology, request, Operation.PROVISION, log);
    }

    static Outcome<ProvisionResult> unprovision(Technology<?> technology, ComponentRequest request, OperationLog log) {
        return run(technology, request, Operation.UNPROVISION, log);
    }

    /** Provisions a valid request; the test fails on a problem or an upstream failure. */
    static ProvisionResult provisioned(Technology<?> technology, ComponentRequest request, OperationLog log) {
        Outcome<ProvisionResult> outcome = provision(technology, request, log);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.result().isRight())
                .as(() -> String.valueOf(outcome.result().getLeft()))
                .isTrue();
        return outcome.result().get();
    }

    static Outcome<Plan> plan(Technology<?> technology, ComponentRequest request) {
        return planTyped(technology, request);
    }

    private static Outcome<ProvisionResult> run(
            Technology<?> technology, ComponentRequest request, Operation operation, OperationLog log) {
        return runTyped(technology, request, operation, log);
    }

    private static <S> Outcome<ProvisionResult> runTyped(
            Technology<S> technology, ComponentRequest request, Operation operation, OperationLog log) {
        Validation<Seq<Problem>, S> spec = technology.validate(request, operation);
        if (spec.isInvalid()) {
            return new Outcome<>(spec.getError(), null);
        }
        Either<UpstreamFailure, ProvisionResult> result = operation == Operation.UNPROVISION
                ? technology.unprovision(spec.get(), log)
                : technology.provision(spec.get(), log);
        return new Outcome<>(io.vavr.collection.List.empty(), result);
    }

    private static <S> Outcome<Plan> planTyped(Technology<S> technology, ComponentRequest request) {
        Validation<Seq<Problem>, S> spec = technology.validate(request, Operation.PROVISION);
        if (spec.isInvalid()) {
            return new Outcome<>(spec.getError(), null);
        }
        return new Outcome<>(io.vavr.collection.List.empty(), technology.plan(spec.get()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Stops both servers, then fails if either judged a request a contract violation. */
    @Override
    public void close() {
        try {
            cdp.close();
        } finally {
            cde.close();
        }
    }
}
