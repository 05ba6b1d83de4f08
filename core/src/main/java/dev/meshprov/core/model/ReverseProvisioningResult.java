package dev.meshprov.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field updates for the component's {@code catalog-info.yaml}, keyed by dot path (e.g.
 * {@code spec.mesh.specific}); values are strings, numbers, booleans, lists and maps.
 */
public record ReverseProvisioningResult(Map<String, Object> updates) {
    public ReverseProvisioningResult {
        updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
    }
}
