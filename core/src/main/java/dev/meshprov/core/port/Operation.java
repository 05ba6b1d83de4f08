package dev.meshprov.core.port;

/** What a request asks of a technology; validation rules depend on it (unprovision needs less than provision). */
public enum Operation {
    /** {@code /v1/validate}, {@code /v2/validate}: static and online checks. */
    VALIDATE,
    /** provision and plan: static and online checks. */
    PROVISION,
    /** unprovision: only what identifies the upstream entities; no online checks that need the artifacts. */
    UNPROVISION,
    /** updateacl: only what identifies the component. */
    UPDATE_ACL;

    /** Whether this operation changes upstream state and must be serialised per component. */
    public boolean mutates() {
        return this != VALIDATE;
    }
}
