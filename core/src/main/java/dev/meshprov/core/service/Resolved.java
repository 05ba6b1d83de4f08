package dev.meshprov.core.service;

import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.TaskKind;
import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.port.OperationLog;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.Technology;
import io.vavr.control.Either;
import java.util.List;

/**
 * A request routed to its technology and valid by its rules: the technology, the typed spec it validated to and the
 * request it came from.
 *
 * @param <S> the technology's spec type
 */
record Resolved<S>(Registration registration, Technology<S> technology, S spec, ComponentRequest request) {

    /** The id of the component the request is about. */
    String componentId() {
        return request.component().id();
    }

    /** Runs the mutating operation {@code kind} on the upstream. */
    Either<UpstreamFailure, ProvisionResult> perform(TaskKind kind, List<String> refs, OperationLog log) {
        return switch (kind) {
            case PROVISION -> technology.provision(spec, log);
            case UNPROVISION -> technology.unprovision(spec, log);
            case UPDATE_ACL -> technology.updateAcl(spec, refs, log);
            default -> throw new IllegalArgumentException("not a mutating task: " + kind);
        };
    }

    /** What provisioning would do, without changing anything. */
    Either<UpstreamFailure, Plan> plan() {
        return technology.plan(spec);
    }
}
