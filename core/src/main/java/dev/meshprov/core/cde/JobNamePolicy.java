package dev.meshprov.core.cde;

import java.util.Locale;
import java.util.Optional;

/** Whether {@code jobName} must equal the name derived from the component id and environment. */
public enum JobNamePolicy {
    /** {@code jobName} must equal {@link JobNames#derive}: the incumbent's rule, the default. */
    DERIVED,
    /** Any name within CDE's limits. */
    FREE;

    /** Reads {@code derived} or {@code free} (any case). */
    public static Optional<JobNamePolicy> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (JobNamePolicy policy : values()) {
            if (policy.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
