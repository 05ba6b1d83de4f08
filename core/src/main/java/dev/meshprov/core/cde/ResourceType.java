package dev.meshprov.core.cde;

import java.util.Optional;

/** The CDE resource types meshprov uses. */
public enum ResourceType {
    FILES("files"),
    PYTHON_ENV("python-env");

    private final String wireName;

    ResourceType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the jobs API. */
    public String wireName() {
        return wireName;
    }

    /** The type with this jobs API name; empty for other types (e.g. {@code custom-runtime-image}). */
    public static Optional<ResourceType> fromWireName(String name) {
        for (ResourceType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
