package dev.meshprov.docs.embedding;

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
import dev.meshprov.core.validation.FieldReader;
import dev.meshprov.core.validation.Validations;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.List;

/**
 * The smallest technology, for the "adding a new technology" part of {@code docs/embedding.md}: a component's
 * {@code specific.message} is echoed to the operation's logs. A real technology reconciles upstream entities through
 * a gateway port instead.
 */
public final class EchoTechnology implements Technology<EchoTechnology.Spec> {

    private final String greeting;

    EchoTechnology(String greeting) {
        this.greeting = greeting;
    }

    // tag::new-technology[]
    /** What a valid component asks for: only a validated spec can be planned or provisioned. */
    public record Spec(String componentId, String message) {}

    @Override
    public Validation<Seq<Problem>, Spec> validate(ComponentRequest request, Operation operation) {
        Component component = request.component();
        FieldReader specific = FieldReader.of(component.specific(), component.fieldPath("specific"));
        return specific.requiredText("message", "Write the text to echo in specific.message.")
                .map(message -> new Spec(component.id(), message));
    }

    @Override
    public Either<UpstreamFailure, Plan> plan(Spec spec) {
        return Either.right(
                new Plan(List.of(new PlannedChange("message", spec.componentId(), ChangeKind.CREATE, spec.message()))));
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> provision(Spec spec, OperationLog log) {
        log.info("provision", greeting + " " + spec.message());
        Info info = Info.builder()
                .publicEntry("message", InfoEntry.text("Message", spec.message()))
                .build();
        return Either.right(ProvisionResult.of("Echoed " + spec.componentId(), info));
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> unprovision(Spec spec, OperationLog log) {
        log.info("unprovision", "nothing to remove for " + spec.componentId());
        return Either.right(ProvisionResult.withoutInfo("Nothing to remove"));
    }

    @Override
    public Either<UpstreamFailure, ProvisionResult> updateAcl(Spec spec, List<String> refs, OperationLog log) {
        log.info("updateacl", "echo has no access control; nothing was changed");
        return Either.right(ProvisionResult.withoutInfo("Echo has no access control; nothing was changed"));
    }

    @Override
    public Validation<Seq<Problem>, ReverseProvisioningResult> reverse(
            ReverseProvisioningRequest request, OperationLog log) {
        return Validations.invalid(Problem.of(
                "useCaseTemplateId", "echo has nothing to import", "Create the component's descriptor instead."));
    }

    @Override
    public Readiness readiness() {
        return Readiness.ready("echo needs no upstream system");
    }
    // end::new-technology[]
}
