package dev.meshprov.core.port;

import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisionResult;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.model.ReverseProvisioningResult;
import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.List;

/**
 * One technology meshprov provisions (Airbyte, CDE, MWAA...). Only a spec produced by {@link #validate} can be
 * provisioned: {@code S} is the technology's validated spec type, which nothing else constructs.
 *
 * <p>Expected outcomes are values: validation returns every problem; upstream calls return an
 * {@link UpstreamFailure}. Exceptions mean a bug. Implementations are thread-safe; the core guarantees that
 * mutating operations on one component never overlap.
 *
 * @param <S> the validated spec
 */
public interface Technology<S> {

    /**
     * Checks the component for {@code operation} and returns the spec to act on, or every problem found. Online
     * checks (e.g. that an artifact exists) are made for {@link Operation#VALIDATE} and {@link Operation#PROVISION};
     * a check that could not be made because the upstream failed is a problem carrying that failure.
     */
    Validation<Seq<Problem>, S> validate(ComponentRequest request, Operation operation);

    /** What {@link #provision} would do, reading upstream state but changing nothing. */
    Either<UpstreamFailure, Plan> plan(S spec);

    /** Creates or updates the upstream entities; idempotent. */
    Either<UpstreamFailure, ProvisionResult> provision(S spec, OperationLog log);

    /** Removes the upstream entities; entities already gone are fine. */
    Either<UpstreamFailure, ProvisionResult> unprovision(S spec, OperationLog log);

    /** Grants access to exactly {@code refs}; a technology without access control explains that in the log. */
    Either<UpstreamFailure, ProvisionResult> updateAcl(S spec, List<String> refs, OperationLog log);

    /** Imports an existing upstream entity as catalog-info updates. */
    Validation<Seq<Problem>, ReverseProvisioningResult> reverse(ReverseProvisioningRequest request, OperationLog log);

    /**
     * Where this technology works, in a few words for the start-up log (e.g. {@code DAGs in the folder /srv/airflow});
     * never a secret, never a call upstream. Empty by default.
     */
    default String summary() {
        return "";
    }

    /** Whether the upstream systems are reachable now; must not throw and should answer within seconds. */
    Readiness readiness();

    /**
     * What is valid but ill-advised in the technology's configuration (e.g. a deprecated kind of credentials), each
     * a sentence naming the key and what to do; {@code config check} shows them. None by default.
     */
    default List<String> configurationWarnings() {
        return List.of();
    }
}
