package dev.meshprov.core.cde;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.model.Descriptors;
import dev.meshprov.core.port.OperationLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an existing CDE job into the {@code specific} section of its component. The job only knows the file names
 * in its resource; the S3 URIs are taken from the component's current {@code catalog-info.yaml} when the file names
 * match, else built from the {@code artifactPrefix} parameter, else left as the recorded file names (logged).
 */
final class ReverseImport {

    private final Map<String, String> knownUris;
    private final Optional<String> artifactPrefix;
    private final OperationLog log;

    ReverseImport(JsonNode currentSpecific, Optional<String> artifactPrefix, OperationLog log) {
        this.knownUris = knownUris(currentSpecific);
        this.artifactPrefix = artifactPrefix.map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
        this.log = log;
    }

    Map<String, Object> specific(
            String serviceName, String virtualClusterName, CdeJob job, Optional<CdeResource> pythonEnv) {
        CdeJob.Spark spark = job.spark();
        Map<String, Object> specific = new LinkedHashMap<>();
        specific.put("cdeService", serviceName);
        specific.put("cdeCluster", virtualClusterName);
        specific.put("jobName", job.name());
        boolean jvm = spark.className().isPresent();
        if (jvm) {
            specific.put("jar", uri(spark.file()));
            specific.put("className", spark.className().get());
        } else {
            specific.put("pythonFile", uri(spark.file()));
            specific.put(
                    "pythonVersion",
                    pythonEnv
                            .flatMap(CdeResource::pythonEnv)
                            .map(PythonEnvSettings::pythonVersion)
                            .orElse("python3"));
            pythonEnv.ifPresent(env -> {
                specific.put("requirementsFile", uri(DesiredState.REQUIREMENTS_FILE));
                env.pythonEnv().flatMap(PythonEnvSettings::pyPiMirror).ifPresent(m -> specific.put("pyMirror", m));
            });
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("args", spark.args());
        List<String> dependencies = new ArrayList<>();
        (jvm ? spark.jars() : spark.pyFiles()).forEach(name -> dependencies.add(uri(name)));
        config.put("dependencies", dependencies);
        config.put("driverCores", spark.driverCores());
        config.put("driverMemory", spark.driverMemory());
        config.put("executorCores", spark.executorCores());
        config.put("executorMemory", spark.executorMemory());
        config.put("numExecutors", spark.numExecutors());
        config.put("logLevel", spark.logLevel());
        Map<String, String> conf = new LinkedHashMap<>(spark.conf());
        conf.remove(JobConfigRules.SAFARI_KEY, "true");
        config.put("conf", conf);
        job.schedule().ifPresent(schedule -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("cronExpression", schedule.cronExpression());
            schedule.start().ifPresent(start -> s.put("startDate", start.toString()));
            schedule.end().ifPresent(end -> s.put("endDate", end.toString()));
            config.put("schedule", s);
        });
        specific.put("jobConfig", config);
        return specific;
    }

    private String uri(String fileName) {
        String known = knownUris.get(fileName);
        if (known != null) {
            return known;
        }
        if (artifactPrefix.isPresent()) {
            return artifactPrefix.get() + "/" + fileName;
        }
        log.warning(
                "reverse",
                "The S3 location of " + fileName + " is not known: it is imported as the file name in the job's"
                        + " resource; replace it with the artifact's S3 URI (or pass params.artifactPrefix)");
        return fileName;
    }

    private static Map<String, String> knownUris(JsonNode specific) {
        Map<String, String> uris = new HashMap<>();
        List<String> candidates = new ArrayList<>();
        for (String field : List.of("jar", "pythonFile", "requirementsFile")) {
            Descriptors.text(specific, field).ifPresent(candidates::add);
        }
        specific.path("jobConfig").path("dependencies").forEach(d -> {
            if (d.isTextual()) {
                candidates.add(d.asText());
            }
        });
        for (String candidate : candidates) {
            ArtifactUri.parse(candidate).ifPresent(uri -> uris.putIfAbsent(uri.fileName(), uri.uri()));
        }
        return uris;
    }
}
