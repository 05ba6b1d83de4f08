package dev.meshprov.core.airbyte;

import dev.meshprov.core.port.Operation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A component validated by {@link AirbyteTechnology#validate}: the only input provisioning accepts. Specs
 * validated for unprovisioning or updateacl identify the entities but carry no {@link Pipeline}.
 */
public final class AirbyteSpec {

    private final String componentId;
    private final Operation operation;
    private final String workspaceId;
    private final EntityNames names;
    private final KnownIds knownIds;
    private final Optional<Pipeline> pipeline;
    private final boolean removeData;
    private final List<String> notes;
    private final List<String> warnings;

    AirbyteSpec(
            String componentId,
            Operation operation,
            String workspaceId,
            EntityNames names,
            KnownIds knownIds,
            Optional<Pipeline> pipeline,
            boolean removeData,
            List<String> notes,
            List<String> warnings) {
        this.componentId = Objects.requireNonNull(componentId, "componentId");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
        this.names = Objects.requireNonNull(names, "names");
        this.knownIds = Objects.requireNonNull(knownIds, "knownIds");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.removeData = removeData;
        this.notes = List.copyOf(notes);
        this.warnings = List.copyOf(warnings);
    }

    /** The component id. */
    public String componentId() {
        return componentId;
    }

    /** The operation this spec was validated for. */
    public Operation operation() {
        return operation;
    }

    /** The workspace the entities live in. */
    public String workspaceId() {
        return workspaceId;
    }

    /** The entity names. */
    public EntityNames names() {
        return names;
    }

    /** The ids the previous run recorded (empty when none, or when the workspace changed since). */
    public KnownIds knownIds() {
        return knownIds;
    }

    /** The desired entities; present for validate and provision. */
    public Optional<Pipeline> pipeline() {
        return pipeline;
    }

    /** Whether unprovisioning was asked to delete data. */
    public boolean removeData() {
        return removeData;
    }

    /** Things validation noticed that provisioning should tell in its log (e.g. an ignored legacy key). */
    public List<String> notes() {
        return notes;
    }

    /** Things validation noticed that provisioning should warn about in its log (e.g. deprecated credentials). */
    public List<String> warnings() {
        return warnings;
    }

    /** The pipeline, which must be present because provisioning needs it. */
    Pipeline requirePipeline() {
        return pipeline.orElseThrow(() -> new IllegalStateException(
                "the Airbyte spec of " + componentId + " was validated for " + operation + ", not for provisioning"));
    }

    @Override
    public String toString() {
        return "AirbyteSpec[" + componentId + ", " + operation + ", workspace " + workspaceId + ", " + names + "]";
    }
}
