package dev.meshprov.cde;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.cde.CdeJob;
import dev.meshprov.core.cde.CdeResource;
import dev.meshprov.core.cde.PythonEnvSettings;
import dev.meshprov.core.cde.ResourceDefinition;
import dev.meshprov.core.cde.ResourceFile;
import dev.meshprov.core.model.Descriptors;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the CDE jobs API: request bodies (absent fields are omitted, never sent as null) and lenient reading
 * of answers (unknown fields ignored, missing ones empty).
 */
final class JobsWire {

    static final String RETENTION = "keep_indefinitely";

    private JobsWire() {}

    // ---------------------------------------------------------------- resources

    static Map<String, Object> resourceBody(ResourceDefinition definition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", definition.name());
        body.put("type", definition.type().wireName());
        body.put("retentionPolicy", RETENTION);
        definition.pythonEnv().ifPresent(env -> {
            Map<String, Object> pythonEnv = new LinkedHashMap<>();
            pythonEnv.put("pythonVersion", env.pythonVersion());
            env.pyPiMirror().ifPresent(mirror -> pythonEnv.put("pyPiMirror", mirror));
            body.put("pythonEnv", pythonEnv);
        });
        return body;
    }

    /**
     * A resource answer. The {@code files[]} entries are not shown by any public source: {@code path},
     * {@code sizeBytes} and {@code signature} are assumed, {@code name} and {@code size} read as well. When the answer
     * has no {@code files[]}, or an entry whose path cannot be read, the resource is reported as not listing its files
     * (rather than as empty), so that reconciliation falls back on what meshprov recorded.
     */
    static CdeResource resource(JsonNode node, String name) {
        List<ResourceFile> files = new ArrayList<>();
        JsonNode listing = node.path("files");
        boolean listed = listing.isArray();
        for (JsonNode file : listing) {
            Optional<String> path = Descriptors.text(file, "path").or(() -> Descriptors.text(file, "name"));
            if (path.isEmpty()) {
                listed = false;
                break;
            }
            JsonNode size = file.has("sizeBytes") ? file.path("sizeBytes") : file.path("size");
            files.add(new ResourceFile(
                    path.get(), size.canConvertToLong() ? size.asLong() : -1, Descriptors.text(file, "signature")));
        }
        JsonNode env = node.path("pythonEnv");
        Optional<PythonEnvSettings> pythonEnv = Descriptors.text(env, "pythonVersion")
                .map(version -> new PythonEnvSettings(version, Descriptors.text(env, "pyPiMirror")));
        return new CdeResource(
                Descriptors.text(node, "name").orElse(name),
                Descriptors.text(node, "type").orElse("unknown"),
                pythonEnv,
                listed ? files : List.of(),
                listed);
    }

    // ---------------------------------------------------------------- jobs

    static Map<String, Object> createBody(CdeJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", job.name());
        body.put("type", "spark");
        body.putAll(commonBody(job));
        job.schedule().ifPresent(schedule -> body.put("schedule", scheduleBody(schedule)));
        return body;
    }

    /** The PATCH body: every managed field; a job without schedule gets its schedule disabled. */
    static Map<String, Object> updateBody(CdeJob job) {
        Map<String, Object> body = new LinkedHashMap<>(commonBody(job));
        body.put("schedule", job.schedule().map(JobsWire::scheduleBody).orElse(Map.of("enabled", false)));
        return body;
    }

    private static Map<String, Object> commonBody(CdeJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> mounts = new ArrayList<>();
        job.mounts().forEach(name -> mounts.add(Map.of("resourceName", name)));
        body.put("mounts", mounts);
        body.put("retentionPolicy", RETENTION);
        CdeJob.Spark spark = job.spark();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", spark.file());
        spark.className().ifPresent(c -> s.put("className", c));
        s.put("args", spark.args());
        s.put("conf", spark.conf());
        s.put("driverCores", spark.driverCores());
        s.put("driverMemory", spark.driverMemory());
        s.put("executorCores", spark.executorCores());
        s.put("executorMemory", spark.executorMemory());
        s.put("numExecutors", spark.numExecutors());
        s.put("logLevel", spark.logLevel());
        s.put("jars", spark.jars());
        s.put("pyFiles", spark.pyFiles());
        spark.pythonEnvResourceName().ifPresent(r -> s.put("pythonEnvResourceName", r));
        body.put("spark", s);
        return body;
    }

    private static Map<String, Object> scheduleBody(CdeJob.Schedule schedule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", true);
        body.put("cronExpression", schedule.cronExpression());
        schedule.start().ifPresent(start -> body.put("start", start.toString()));
        schedule.end().ifPresent(end -> body.put("end", end.toString()));
        return body;
    }

    static CdeJob job(JsonNode node, String name) {
        JsonNode spark = node.path("spark");
        List<String> mounts = new ArrayList<>();
        node.path("mounts").forEach(m -> Descriptors.text(m, "resourceName").ifPresent(mounts::add));
        Map<String, String> conf = new LinkedHashMap<>();
        spark.path("conf").fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                conf.put(e.getKey(), e.getValue().asText());
            }
        });
        JsonNode schedule = node.path("schedule");
        Optional<CdeJob.Schedule> enabled = schedule.path("enabled").asBoolean(false)
                ? Descriptors.text(schedule, "cronExpression")
                        .map(cron -> new CdeJob.Schedule(cron, instant(schedule, "start"), instant(schedule, "end")))
                : Optional.empty();
        return new CdeJob(
                Descriptors.text(node, "name").orElse(name),
                mounts,
                new CdeJob.Spark(
                        Descriptors.text(spark, "file").orElse(""),
                        Descriptors.text(spark, "className"),
                        texts(spark.path("args")),
                        conf,
                        spark.path("driverCores").asInt(0),
                        Descriptors.text(spark, "driverMemory").orElse(""),
                        spark.path("executorCores").asInt(0),
                        Descriptors.text(spark, "executorMemory").orElse(""),
                        spark.path("numExecutors").asInt(0),
                        Descriptors.text(spark, "logLevel").orElse(""),
                        texts(spark.path("jars")),
                        texts(spark.path("pyFiles")),
                        Descriptors.text(spark, "pythonEnvResourceName")),
                enabled);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> {
            if (v.isValueNode() && !v.isNull()) {
                values.add(v.asText());
            }
        });
        return values;
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        return Descriptors.text(node, field).flatMap(text -> {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(Instant.parse(text));
                } catch (DateTimeParseException again) {
                    return Optional.empty();
                }
            }
        });
    }

    /** The run id of a {@code POST /jobs/{name}/run} answer. */
    static Optional<String> runId(JsonNode node) {
        return Descriptors.text(node, "id");
    }
}
