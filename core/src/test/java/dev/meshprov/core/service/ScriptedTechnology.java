package dev.meshprov.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A technology whose behaviour is scripted by the component's {@code specific}: {@code outcome} ok | fail | bug,
 * {@code invalid} (an input problem), {@code unreachable} (an upstream problem during validation), {@code gate}
 * (wait for {@link #open(String)} before finishing). Records start and end of every operation in order.
 */
final class ScriptedTechnology implements Technology<ScriptedTechnology.Spec> {

    static final TechnologyDescriptor DESCRIPTOR = new TechnologyDescriptor(
            "scripted", "Scripted", ExecutionMode.SYNC, true, Set.of("workload"), "enable scripted");

    final List<String> events = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();

    record Spec(String componentId, JsonNode specific) {}

    void open(String gate) {
        gates.computeIfAbsent(gate, g -> new CountDownLatch(1)).countDown();
    }

    boolean awaitStarted(String gate) throws InterruptedException {
        return started.computeIfAbsent(gate, g -> new CountDownLatch(1)).await(10, TimeUnit.SECONDS);
    }

    @Override
    public Validation<Seq<Problem>, Spec> validate(ComponentRequest request, Operation operation) {
        JsonNode specific = request.component().specific();
        if (specific.has("invalid")) {
            return Validations.invalid(
                    Problem.of(request.component().fieldPath("specific.invalid"), "is set", "Remove it."));
        }
        if (specific.has("unreachable")) {
            return Validations.invalid(Problem.upstream(
                    request.component().fieldPath("specific"),
                    new UpstreamFailure.Unavailable("Fake", "GET /thing", "connection refused"),
                    "Retry later."));
        }
        if (specific.has("forbidden")) {
            return Validations.invalid(io.vavr.collection.List.of(
                    Problem.of(request.component().fieldPath("specific.forbidden"), "is set", "Remove it."),
                    Problem.upstream(
                            request.component().fieldPath("specific"),
                            UpstreamFailure.Unauthorized.forbidden("Fake", "HEAD /thing", "HTTP 403"),
                            "Grant access.")));
        }
        return Validations.valid(new Spec(request.component().id(), specific));
    }

    @Override
    public Either<UpstreamFailure, Plan> plan(Spec spec) {
        if (spec.specific().has("planTimesOut")) {
            return Either.left(new UpstreamFailure.TimedOut("Fake", "GET /state", "no answer in 1s"));
        }
        return Either.right(new Plan(List.of(new PlannedChange("thing", spec.componentId(), ChangeKind.CREATE, ""))));
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> provision(Spec spec, OperationLog log) {
        return run("provision", spec, log);
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> unprovision(Spec spec, OperationLog log) {
        return run("unprovision", spec, log);
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> updateAcl(Spec spec, List<String> refs, OperationLog log) {
        log.info("acl", "nothing to change for " + refs);
        return Either.right(ProvisionResult.withoutInfo("access unchanged"));
    }

    @Override
    public Validation<Seq<Problem>, ReverseProvisioningResult> reverse(
            ReverseProvisioningRequest request, OperationLog log) {
        if (request.params().has("missing")) {
            return Validations.invalid(Problem.of("params.missing", "is set", "Remove it."));
        }
        if (request.params().has("unreachable")) {
            return Validations.invalid(Problem.upstream(
                    "params", new UpstreamFailure.TimedOut("Fake", "GET /thing", "no answer in 1s"), "Retry."));
        }
        log.info("reverse", "imported");
        return Validations.valid(new ReverseProvisioningResult(Map.of("spec.mesh.specific", Map.of("a", "b"))));
    }

    @Override
    public Readiness readiness() {
        return Readiness.ready("always");
    }

    private Either<UpstreamFailure, ProvisionResult> run(String operation, Spec spec, OperationLog log) {
        String name = spec.specific().path("name").asText(spec.componentId());
        events.add("start " + operation + " " + name);
        log.info(operation, "working on " + name);
        String gate = spec.specific().path("gate").asText(null);
        if (gate != null) {
            started.computeIfAbsent(gate, g -> new CountDownLatch(1)).countDown();
            try {
                if (!gates.computeIfAbsent(gate, g -> new CountDownLatch(1)).await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate " + gate + " never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        events.add("end " + operation + " " + name);
        return switch (spec.specific().path("outcome").asText("ok")) {
            case "fail" ->
                Either.left(new UpstreamFailure.Rejected(
                        "Fake", "POST /things", 422, "configuration refused", List.of("url: must be https")));
            case "bug" -> throw new IllegalStateException("scripted bug");
            default ->
                Either.right(ProvisionResult.of(
                        operation + " done",
                        Info.builder()
                                .publicEntry("thing", InfoEntry.text("Thing", name))
                                .privateValue("thingId", "id-" + name)
                                .build()));
        };
    }
}
