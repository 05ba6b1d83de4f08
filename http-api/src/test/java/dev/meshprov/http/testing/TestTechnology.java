package dev.meshprov.http.testing;

import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.Operation;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import dev.meshprov.core.port.Readiness;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.ProblemList;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A technology whose behaviour the component's {@code specific} section scripts:
 *
 * <ul>
 *   <li>{@code name} (required) — the name of the "thing" provisioned;
 *   <li>{@code failWith} — the operation fails upstream with this detail;
 *   <li>{@code gate} — the operation waits until the test opens this gate;
 *   <li>{@code meet} — the operation waits until a second operation arrives at this meeting (proves overlap);
 *   <li>{@code problem} — validation reports this problem at {@code specific.problem};
 *   <li>{@code upstreamDown} — validation cannot make its online check (an upstream problem);
 *   <li>{@code crash} — validation throws with this message: a bug;
 *   <li>{@code leakSecret} — every message also carries the configured password, as a careless adapter would.
 * </ul>
 *
 * <p>Like an adapter, it tells its {@link UpstreamObserver} about each "upstream call" of an operation: one attempt
 * of {@code PUT /things/{name}} answered 200, or, with {@code failWith}, two attempts answered 503 (a retry).
 *
 * <p>It records {@code start <operation> <name>} and {@code end <operation> <name>} events in its
 * {@link TestControls}.
 */
final class TestTechnology implements Technology<TestTechnology.Spec> {

    private static final String SYSTEM = "TestUpstream";

    private final String name;
    private final String password;
    private final boolean reachable;
    private final TestControls controls;
    private final Clock clock;
    private final UpstreamObserver observer;

    TestTechnology(
            String name,
            String password,
            boolean reachable,
            TestControls controls,
            Clock clock,
            UpstreamObserver observer) {
        this.name = name;
        this.password = password;
        this.reachable = reachable;
        this.controls = controls;
        this.clock = clock;
        this.observer = observer;
    }

    /** What to do, as validated. */
    record Spec(
            String componentId,
            String thing,
            Optional<String> failWith,
            Optional<String> gate,
            Optional<String> meet,
            boolean leak,
            boolean removeData) {}

    @Override
    public Validation<Seq<Problem>, Spec> validate(ComponentRequest request, Operation operation) {
        Component component = request.component();
        FieldReader specific = FieldReader.of(component.specific(), component.fieldPath("specific"));
        ProblemList problems = new ProblemList();
        String thing = problems.take(specific.requiredText("name", "Set specific.name to the thing's name."), null);
        Optional<String> failWith = problems.take(specific.optionalText("failWith", "Use a string."), Optional.empty());
        Optional<String> gate = problems.take(specific.optionalText("gate", "Use a string."), Optional.empty());
        Optional<String> meet = problems.take(specific.optionalText("meet", "Use a string."), Optional.empty());
        boolean leak = problems.take(specific.optionalBoolean("leakSecret", "Use true or false."), Optional.empty())
                .orElse(false);
        Optional<String> crash = problems.take(specific.optionalText("crash", "Use a string."), Optional.empty());
        if (crash.isPresent()) {
            throw new IllegalStateException(crash.get() + leaked(leak));
        }
        problems.take(specific.optionalText("problem", "Use a string."), Optional.<String>empty())
                .ifPresent(message -> problems.add(specific.problem(
                        "problem", message + leaked(leak), "Remove specific.problem from the descriptor.")));
        problems.take(specific.optionalText("upstreamDown", "Use a string."), Optional.<String>empty())
                .ifPresent(detail -> problems.add(Problem.upstream(
                        specific.path("upstreamDown"),
                        new UpstreamFailure.Unavailable(SYSTEM, "GET /things/" + thing, detail + leaked(leak)),
                        "Send the request again when the test upstream is available.")));
        return problems.toValidation(
                () -> new Spec(component.id(), thing, failWith, gate, meet, leak, request.removeData()));
    }

    @Override
    public Either<UpstreamFailure, Plan> plan(Spec spec) {
        return Either.right(new Plan(List.of(new PlannedChange("thing", spec.thing(), ChangeKind.CREATE, ""))));
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> provision(Spec spec, OperationLog log) {
        return run("provision", spec, log, "Thing " + spec.thing() + " provisioned");
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> unprovision(Spec spec, OperationLog log) {
        return run(
                "unprovision",
                spec,
                log,
                "Thing " + spec.thing() + " removed" + (spec.removeData() ? " with its data" : ", data kept"));
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> updateAcl(Spec spec, List<String> refs, OperationLog log) {
        return run("updateacl", spec, log, "Access to thing " + spec.thing() + " granted to " + refs);
    }

    private Either<UpstreamFailure, ProvisionResult> run(String operation, Spec spec, OperationLog log, String done) {
        String event = operation + " " + spec.thing();
        controls.record("start " + event);
        controls.started(event);
        log.info(operation, "Working on thing " + spec.thing() + " with " + name + leaked(spec.leak()));
        try {
            if (spec.gate().isPresent() && !controls.passGate(spec.gate().get())) {
                return Either.left(new UpstreamFailure.TimedOut(
                        SYSTEM, "gate " + spec.gate().get(), "never opened"));
            }
            if (spec.meet().isPresent() && !controls.meet(spec.meet().get(), 2)) {
                return Either.left(new UpstreamFailure.TimedOut(
                        SYSTEM, "meeting " + spec.meet().get(), "the other operation never arrived: no overlap"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new UpstreamFailure.Unavailable(SYSTEM, operation, "interrupted"));
        } finally {
            controls.record("end " + event);
        }
        String target = "/things/" + spec.thing();
        if (spec.failWith().isPresent()) {
            observer.completed(new UpstreamCall(SYSTEM, "PUT /things/{name}", target, "503", Duration.ofMillis(3), 1));
            observer.completed(new UpstreamCall(SYSTEM, "PUT /things/{name}", target, "503", Duration.ofMillis(4), 2));
            return Either.left(new UpstreamFailure.Unavailable(
                    SYSTEM, "PUT /things/" + spec.thing(), spec.failWith().get() + leaked(spec.leak())));
        }
        observer.completed(new UpstreamCall(SYSTEM, "PUT /things/{name}", target, "200", Duration.ofMillis(2), 1));
        return Either.right(ProvisionResult.of(done + leaked(spec.leak()), info(spec)));
    }

    private Info info(Spec spec) {
        Info.Builder info = Info.builder()
                .publicEntry(
                        "thing",
                        InfoEntry.link("Thing", spec.thing(), "https://things.example.com/things/" + spec.thing()))
                .publicEntry(
                        "provisionedAt",
                        InfoEntry.date("Provisioned at", clock.instant().toString()))
                .publicEntry("technology", InfoEntry.text("Technology", name))
                .privateValue("thingId", "thing-" + spec.thing())
                .privateValue("details", Map.of("attempts", 1, "tags", List.of("a", "b")));
        if (spec.leak()) {
            info.publicEntry("note", InfoEntry.text("Note", "connected with " + password));
        }
        return info.build();
    }

    @Override
    public Validation<Seq<Problem>, ReverseProvisioningResult> reverse(
            ReverseProvisioningRequest request, OperationLog log) {
        FieldReader params = FieldReader.of(request.params(), "params");
        ProblemList problems = new ProblemList();
        String thingId =
                problems.take(params.requiredText("thingId", "Set params.thingId to the thing to import."), null);
        boolean leak = problems.take(params.optionalBoolean("leakSecret", "Use true or false."), Optional.empty())
                .orElse(false);
        problems.take(params.optionalText("failWith", "Use a string."), Optional.<String>empty())
                .ifPresent(detail -> problems.add(Problem.upstream(
                        params.path("thingId"),
                        new UpstreamFailure.Unavailable(SYSTEM, "GET /things/" + thingId, detail + leaked(leak)),
                        "Send the request again when the test upstream is available.")));
        if (!problems.isEmpty()) {
            return problems.toValidation(() -> null);
        }
        log.info("reverse", "Imported thing " + thingId + " from " + request.environment() + leaked(leak));
        Map<String, Object> updates = new LinkedHashMap<>();
        updates.put("spec.mesh.specific.name", thingId);
        updates.put("spec.mesh.specific.imported", Map.of("from", name, "environment", request.environment()));
        return Validation.valid(new ReverseProvisioningResult(updates));
    }

    @Override
    public Readiness readiness() {
        return reachable
                ? Readiness.ready("test upstream of " + name + " answered")
                : Readiness.notReady("cannot reach the test upstream of " + name + " (connection refused)");
    }

    private String leaked(boolean leak) {
        return leak ? " (password " + password + ")" : "";
    }
}
