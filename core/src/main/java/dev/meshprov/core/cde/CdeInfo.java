package dev.meshprov.core.cde;

import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code info} of a provisioned job: what the Witboost UI shows ({@code publicInfo}) and what the next run
 * reads back ({@code privateInfo}: upstream ids, resource names and the checksums of the uploaded artifacts).
 */
final class CdeInfo {

    static final String FILES_RESOURCE = "filesResource";
    static final String PYTHON_ENV_RESOURCE = "pythonEnvResource";
    static final String ARTIFACTS = "artifacts";
    static final String CDE_SIGNATURE = "cdeSignature";
    static final String CONF_KEYS = "confKeys";

    private CdeInfo() {}

    /**
     * @param signatures the signature CDE lists for each file ({@code resource/file}) after provisioning, as far as
     *     known
     */
    static Info of(
            Discovered discovered, DesiredState desired, Optional<String> runId, Map<String, String> signatures) {
        CdeJob job = desired.job();
        Info.Builder info = Info.builder()
                .publicEntry("jobName", InfoEntry.text("CDE job", job.name()))
                .publicEntry(
                        "virtualCluster",
                        InfoEntry.text(
                                "Virtual cluster", discovered.virtualCluster().name()))
                .publicEntry(
                        "cdeService",
                        InfoEntry.text("CDE service", discovered.service().name()));
        discovered
                .virtualCluster()
                .uiUrl()
                .ifPresent(ui -> info.publicEntry(
                        "virtualClusterUi",
                        InfoEntry.link(
                                "Virtual cluster UI",
                                discovered.virtualCluster().name(),
                                ui)));
        jobLink(discovered.virtualCluster(), job.name())
                .ifPresent(href -> info.publicEntry("jobLink", InfoEntry.link("Job in CDE", job.name(), href)));
        if (job.schedule().isPresent()) {
            CdeJob.Schedule schedule = job.schedule().get();
            info.publicEntry("schedule", InfoEntry.text("Schedule", schedule.cronExpression()));
            schedule.start()
                    .ifPresent(s -> info.publicEntry("scheduleStart", InfoEntry.date("Schedule start", s.toString())));
            schedule.end()
                    .ifPresent(e -> info.publicEntry("scheduleEnd", InfoEntry.date("Schedule end", e.toString())));
        } else {
            info.publicEntry("schedule", InfoEntry.text("Schedule", "none (runs on demand)"));
        }
        runId.ifPresent(id -> info.publicEntry("lastRunId", InfoEntry.text("Run started by provisioning", id)));

        info.privateValue("cdeService", discovered.service().name())
                .privateValue("clusterId", discovered.service().clusterId())
                .privateValue("virtualCluster", discovered.virtualCluster().name())
                .privateValue("vcId", discovered.virtualCluster().vcId())
                .privateValue("vcApiUrl", discovered.endpoint().apiUrl())
                .privateValue("jobName", job.name())
                .privateValue(FILES_RESOURCE, desired.filesResource().name());
        desired.pythonEnv().ifPresent(env -> info.privateValue(PYTHON_ENV_RESOURCE, env.name()));
        List<Object> artifacts = new ArrayList<>();
        desired.files().forEach(file -> artifacts.add(artifact(file, signatures)));
        desired.requirements().ifPresent(file -> artifacts.add(artifact(file, signatures)));
        info.privateValue(ARTIFACTS, artifacts);
        info.privateValue(
                CONF_KEYS,
                new ArrayList<>(new java.util.TreeSet<>(job.spark().conf().keySet())));
        return info.build();
    }

    /**
     * The job's page in the virtual cluster's UI, when CDP reported the UI URL ({@code VcUiUrl} is in CDP's DE API
     * model; the {@code jobs/<name>} page below it is an assumption, so the virtual cluster's UI is linked too).
     */
    static Optional<String> jobLink(VirtualCluster vc, String jobName) {
        return vc.uiUrl()
                .map(ui -> (ui.endsWith("/") ? ui : ui + "/") + "jobs/"
                        + URLEncoder.encode(jobName, StandardCharsets.UTF_8));
    }

    private static Map<String, Object> artifact(DesiredFile file, Map<String, String> signatures) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("resource", file.resource());
        entry.put("file", file.name());
        entry.put("source", file.source().uri().uri());
        entry.put("etag", file.source().etag());
        entry.put("size", file.source().size());
        String signature = signatures.get(file.path());
        if (signature != null) {
            entry.put(CDE_SIGNATURE, signature);
        }
        return entry;
    }
}
