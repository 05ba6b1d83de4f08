package dev.meshprov.core.cde;

import dev.meshprov.core.model.UpstreamFailure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the virtual cluster should hold for one component: the files resource and its files, the Python
 * environment resource (PySpark with requirements) and the job.
 *
 * @param filesResource the files resource
 * @param files the files it should hold, main file first
 * @param pythonEnv the Python environment resource, if the job has one
 * @param requirements the requirements file of the Python environment
 * @param job the job
 */
record DesiredState(
        ResourceDefinition filesResource,
        List<DesiredFile> files,
        Optional<ResourceDefinition> pythonEnv,
        Optional<DesiredFile> requirements,
        CdeJob job) {

    static final String REQUIREMENTS_FILE = "requirements.txt";

    DesiredState {
        Objects.requireNonNull(filesResource, "filesResource");
        files = List.copyOf(files);
        Objects.requireNonNull(pythonEnv, "pythonEnv");
        Objects.requireNonNull(requirements, "requirements");
        Objects.requireNonNull(job, "job");
    }

    /** Every artifact of the workload, main file first. */
    static List<ArtifactUri> artifactsOf(CdeWorkload workload) {
        List<ArtifactUri> uris = new ArrayList<>();
        uris.add(workload.application().mainFile());
        uris.addAll(workload.config().dependencies());
        if (workload.application() instanceof SparkApplication.PySparkWithEnv env) {
            uris.add(env.requirementsFile());
        }
        return uris;
    }

    /**
     * The desired state of {@code workload} under {@code target}, given the artifacts found in the store; a
     * {@link UpstreamFailure.NotFound} when an artifact is missing.
     */
    static Either<UpstreamFailure, DesiredState> of(
            CdeJobTarget target, CdeWorkload workload, Map<ArtifactUri, ArtifactObject> found) {
        for (ArtifactUri uri : artifactsOf(workload)) {
            if (!found.containsKey(uri)) {
                return Either.left(new UpstreamFailure.NotFound(
                        "S3", "HeadObject " + uri, "the artifact " + uri + " does not exist"));
            }
        }
        String filesResource = target.filesResource();
        List<DesiredFile> files = new ArrayList<>();
        ArtifactUri main = workload.application().mainFile();
        files.add(new DesiredFile(filesResource, main.fileName(), found.get(main)));
        for (ArtifactUri dependency : workload.config().dependencies()) {
            files.add(new DesiredFile(filesResource, dependency.fileName(), found.get(dependency)));
        }
        Optional<ResourceDefinition> pythonEnv = Optional.empty();
        Optional<DesiredFile> requirements = Optional.empty();
        if (workload.application() instanceof SparkApplication.PySparkWithEnv env) {
            String name = target.pythonEnvResource();
            pythonEnv = Optional.of(
                    ResourceDefinition.pythonEnv(name, new PythonEnvSettings(env.pythonVersion(), env.pyMirror())));
            requirements = Optional.of(new DesiredFile(name, REQUIREMENTS_FILE, found.get(env.requirementsFile())));
        }
        return Either.right(new DesiredState(
                ResourceDefinition.files(filesResource), files, pythonEnv, requirements, job(target, workload)));
    }

    /** The job {@code workload} becomes. */
    static CdeJob job(CdeJobTarget target, CdeWorkload workload) {
        JobConfig config = workload.config();
        SparkApplication application = workload.application();
        List<String> dependencyNames =
                config.dependencies().stream().map(ArtifactUri::fileName).toList();
        boolean jvm = application instanceof SparkApplication.Jvm;
        CdeJob.Spark spark = new CdeJob.Spark(
                application.mainFile().fileName(),
                application instanceof SparkApplication.Jvm j ? Optional.of(j.className()) : Optional.empty(),
                config.args(),
                config.conf(),
                config.driverCores(),
                config.driverMemory(),
                config.executorCores(),
                config.executorMemory(),
                config.numExecutors(),
                config.logLevel(),
                jvm ? dependencyNames : List.of(),
                jvm ? List.of() : dependencyNames,
                application instanceof SparkApplication.PySparkWithEnv
                        ? Optional.of(target.pythonEnvResource())
                        : Optional.empty());
        Optional<CdeJob.Schedule> schedule =
                config.schedule().map(s -> new CdeJob.Schedule(s.cronExpression(), s.start(), s.end()));
        return new CdeJob(target.jobName(), List.of(target.filesResource()), spark, schedule);
    }
}
