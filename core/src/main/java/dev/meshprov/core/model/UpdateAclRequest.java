package dev.meshprov.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The contract's {@code UpdateAclRequest}.
 *
 * @param refs the full desired set of principals ({@code user:...}, {@code group:...})
 * @param provisionRequest the component descriptor (JSON or YAML) from {@code provisionInfo.request}
 * @param provisionResult the result message from {@code provisionInfo.result}
 */
public record UpdateAclRequest(List<String> refs, String provisionRequest, String provisionResult) {
    public UpdateAclRequest {
        refs = List.copyOf(refs);
        Objects.requireNonNull(provisionRequest, "provisionRequest");
        Objects.requireNonNull(provisionResult, "provisionResult");
    }
}
