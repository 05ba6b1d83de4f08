package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The published rules of one connector's configuration (see {@link ConnectorSpecifications}). */
public interface ConnectorSpecification {

    /** A name for people, with the version the rules come from, e.g. {@code destination-snowflake 5.x}. */
    String name();

    /**
     * Where {@code configuration} breaks the rules; empty when it keeps them. Keys the rules do not name are kept
     * and passed through wherever the rules allow further keys.
     */
    List<SpecViolation> violations(JsonNode configuration);

    /**
     * The values the rules allow at {@code path} (keys from the configuration's root), in their order: the listed
     * values, or the constants of the alternatives there; empty when the rules do not enumerate them.
     */
    List<String> allowedValues(List<String> path);
}
