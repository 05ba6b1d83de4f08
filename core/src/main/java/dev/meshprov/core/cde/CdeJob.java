package dev.meshprov.core.cde;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Spark job of the jobs API: what meshprov wants, or what CDE reports (only the fields meshprov manages).
 *
 * @param name the job name
 * @param mounts the names of the resources mounted into the job
 * @param spark the Spark settings
 * @param schedule the schedule; empty when the job has none (or, as reported, none enabled)
 */
public record CdeJob(String name, List<String> mounts, Spark spark, Optional<Schedule> schedule) {

    public CdeJob {
        Objects.requireNonNull(name, "name");
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** This job with {@code conf} as its Spark configuration. */
    public CdeJob withConf(Map<String, String> conf) {
        CdeJob.Spark s = spark;
        return new CdeJob(
                name,
                mounts,
                new Spark(
                        s.file(),
                        s.className(),
                        s.args(),
                        conf,
                        s.driverCores(),
                        s.driverMemory(),
                        s.executorCores(),
                        s.executorMemory(),
                        s.numExecutors(),
                        s.logLevel(),
                        s.jars(),
                        s.pyFiles(),
                        s.pythonEnvResourceName()),
                schedule);
    }

    /**
     * The Spark part of a job. Files are paths inside the mounted resources.
     *
     * @param file the application file
     * @param className the main class (JVM jobs)
     * @param args the application's arguments
     * @param conf Spark configuration
     * @param driverCores driver cores
     * @param driverMemory driver memory
     * @param executorCores cores per executor
     * @param executorMemory memory per executor
     * @param numExecutors number of executors
     * @param logLevel Spark log level
     * @param jars additional jars
     * @param pyFiles additional Python files
     * @param pythonEnvResourceName the python-env resource the job runs in
     */
    public record Spark(
            String file,
            Optional<String> className,
            List<String> args,
            Map<String, String> conf,
            int driverCores,
            String driverMemory,
            int executorCores,
            String executorMemory,
            int numExecutors,
            String logLevel,
            List<String> jars,
            List<String> pyFiles,
            Optional<String> pythonEnvResourceName) {

        public Spark {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(className, "className");
            args = List.copyOf(args);
            conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
            Objects.requireNonNull(driverMemory, "driverMemory");
            Objects.requireNonNull(executorMemory, "executorMemory");
            Objects.requireNonNull(logLevel, "logLevel");
            jars = List.copyOf(jars);
            pyFiles = List.copyOf(pyFiles);
            Objects.requireNonNull(pythonEnvResourceName, "pythonEnvResourceName");
        }
    }

    /**
     * An enabled schedule.
     *
     * @param cronExpression five-field cron expression
     * @param start when it starts, if limited
     * @param end when it ends, if limited
     */
    public record Schedule(String cronExpression, Optional<Instant> start, Optional<Instant> end) {
        public Schedule {
            Objects.requireNonNull(cronExpression, "cronExpression");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }
}
