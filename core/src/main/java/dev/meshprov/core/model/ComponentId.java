package dev.meshprov.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A component id of the form {@code urn:dmb:cmp:<domain>:<dataProduct>:<major>:<name>}.
 *
 * @param value the id as written
 * @param domain the domain segment
 * @param dataProduct the data product segment
 * @param majorVersion the major version segment
 * @param name the component name segment
 */
public record ComponentId(String value, String domain, String dataProduct, String majorVersion, String name) {

    /** The prefix every component id starts with. */
    public static final String PREFIX = "urn:dmb:cmp:";

    public ComponentId {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(dataProduct, "dataProduct");
        Objects.requireNonNull(majorVersion, "majorVersion");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses a component id; empty when it is not of the form {@code urn:dmb:cmp:<domain>:<dp>:<major>:<name>} with
     * non-blank segments.
     */
    public static Optional<ComponentId> parse(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = value.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (part.isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.of(new ComponentId(value, parts[0], parts[1], parts[2], parts[3]));
    }

    /** The id without {@code urn:dmb:cmp:}, e.g. {@code finance:cashflow:1:ingest}. */
    public String withoutPrefix() {
        return value.substring(PREFIX.length());
    }

    /** The expected form, for error messages. */
    public static String expectedForm() {
        return "urn:dmb:cmp:<domain>:<dataProduct>:<majorVersion>:<componentName>";
    }

    @Override
    public String toString() {
        return value;
    }
}
