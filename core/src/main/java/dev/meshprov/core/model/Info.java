package dev.meshprov.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code info} of a provisioning result.
 *
 * @param publicInfo entries shown in the Witboost UI, keyed by camelCase names, in display order
 * @param privateInfo values stored with the deployed descriptor and read back by the next run (strings, numbers,
 *     booleans, lists and maps of those); never secrets
 */
public record Info(Map<String, InfoEntry> publicInfo, Map<String, Object> privateInfo) {

    public Info {
        publicInfo = Collections.unmodifiableMap(new LinkedHashMap<>(publicInfo));
        privateInfo = Collections.unmodifiableMap(new LinkedHashMap<>(privateInfo));
    }

    /** No information. */
    public static Info empty() {
        return new Info(Map.of(), Map.of());
    }

    /** A builder keeping insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Info} in display order. */
    public static final class Builder {
        private final Map<String, InfoEntry> publicInfo = new LinkedHashMap<>();
        private final Map<String, Object> privateInfo = new LinkedHashMap<>();

        private Builder() {}

        public Builder publicEntry(String key, InfoEntry entry) {
            publicInfo.put(key, entry);
            return this;
        }

        public Builder privateValue(String key, Object value) {
            privateInfo.put(key, value);
            return this;
        }

        public Info build() {
            return new Info(publicInfo, privateInfo);
        }
    }
}
