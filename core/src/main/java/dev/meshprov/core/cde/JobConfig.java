package dev.meshprov.core.cde;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Spark settings of the job, with the defaults applied.
 *
 * @param args the application's arguments
 * @param dependencies additional jars (JVM) or Python files (PySpark), uploaded next to the main file
 * @param driverCores driver cores
 * @param driverMemory driver memory, e.g. {@code 1g}
 * @param executorCores cores per executor
 * @param executorMemory memory per executor, e.g. {@code 2g}
 * @param numExecutors number of executors
 * @param logLevel Spark log level
 * @param conf Spark configuration, in order
 * @param schedule the schedule, if the job runs on one
 */
public record JobConfig(
        List<String> args,
        List<ArtifactUri> dependencies,
        int driverCores,
        String driverMemory,
        int executorCores,
        String executorMemory,
        int numExecutors,
        String logLevel,
        Map<String, String> conf,
        Optional<JobSchedule> schedule) {

    public JobConfig {
        args = List.copyOf(args);
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(driverMemory, "driverMemory");
        Objects.requireNonNull(executorMemory, "executorMemory");
        Objects.requireNonNull(logLevel, "logLevel");
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
        Objects.requireNonNull(schedule, "schedule");
    }
}
