package dev.meshprov.core.cde;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Spark settings a job gets when its descriptor leaves them out.
 *
 * @param driverCores driver cores
 * @param driverMemory driver memory
 * @param executorCores cores per executor
 * @param executorMemory memory per executor
 * @param numExecutors number of executors
 * @param logLevel Spark log level
 * @param conf Spark configuration every job gets (the descriptor's entries win)
 */
public record CdeDefaults(
        int driverCores,
        String driverMemory,
        int executorCores,
        String executorMemory,
        int numExecutors,
        String logLevel,
        Map<String, String> conf) {

    public CdeDefaults {
        Objects.requireNonNull(driverMemory, "driverMemory");
        Objects.requireNonNull(executorMemory, "executorMemory");
        Objects.requireNonNull(logLevel, "logLevel");
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    }

    /** The incumbent's defaults: 1 core and {@code 1g} for the driver and each of one executor, {@code INFO}. */
    public static CdeDefaults standard() {
        return new CdeDefaults(1, "1g", 1, "1g", 1, "INFO", Map.of());
    }
}
