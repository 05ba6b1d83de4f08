package dev.meshprov.core.cde.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.model.ProvisionResult;
import java.util.Objects;
import java.util.function.Function;

/**
 * Provisions one component run after run as Witboost does: every request after the first carries the previous run's
 * {@code privateInfo}. The provisioning function is the test's own (in-memory fakes or the adapters on loopback) and
 * fails the test when a run fails.
 */
public final class SuccessiveRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<ComponentRequest, ProvisionResult> provisioning;
    private ProvisionResult previous;

    public SuccessiveRuns(Function<ComponentRequest, ProvisionResult> provisioning) {
        this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
    }

    /** Provisions {@code request}, with the previous run's {@code privateInfo} when there was one. */
    public ProvisionResult provision(ComponentRequest request) {
        previous = provisioning.apply(previous == null ? request : after(request, previous));
        return previous;
    }

    /** The request as the next run sees it: with the {@code privateInfo} that {@code previous} answered. */
    public static ComponentRequest after(ComponentRequest request, ProvisionResult previous) {
        ObjectNode info = JSON.createObjectNode();
        info.set("privateInfo", JSON.valueToTree(previous.info().orElseThrow().privateInfo()));
        return new ComponentRequest(request.dataProduct(), request.component(), false, info);
    }
}
