package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.Info;
import dev.meshprov.core.model.InfoEntry;
import java.util.Optional;

/** The {@code info} of a provisioned DAG: what the Witboost UI shows and what the next run reads back. */
final class DagInfo {

    /** The {@code privateInfo} key of when the DAG file was last copied. */
    static final String DEPLOYED_AT = "deployedAt";

    private DagInfo() {}

    static Info of(
            MwaaSpec spec, DagStore store, StoredObject staging, StoredObject deployed, Optional<String> deployedAt) {
        ResolvedDag dag = spec.dag();
        DagKeys keys = dag.keys();
        String location = store.location(keys.dag());
        Info.Builder info = Info.builder()
                .publicEntry("dagId", InfoEntry.text("DAG id", keys.dagId()))
                .publicEntry("dagLocation", InfoEntry.text("DAG file", location));
        dag.airflowDagUrl()
                .ifPresent(url -> info.publicEntry("airflowUi", InfoEntry.link("Airflow UI", keys.dagId(), url)));
        dag.schedule().ifPresent(schedule -> info.publicEntry("schedule", InfoEntry.text("Schedule", schedule)));
        info.publicEntry(
                "descriptorFile", InfoEntry.text("Data product descriptor file", store.location(keys.descriptor())));
        deployedAt.ifPresent(at -> info.publicEntry("deployedAt", InfoEntry.date("DAG file deployed at", at)));

        info.privateValue("store", store.system());
        if (!keys.bucket().isEmpty()) {
            info.privateValue("bucket", keys.bucket());
        }
        info.privateValue("stagingKey", keys.stagingKey().orElse(""))
                .privateValue("dagKey", keys.dagKey())
                .privateValue("descriptorKey", keys.descriptorKey())
                .privateValue("dagId", keys.dagId())
                .privateValue("stagingEtag", staging.etag());
        staging.versionId().ifPresent(version -> info.privateValue("stagingVersionId", version));
        info.privateValue("dagEtag", deployed.etag());
        deployed.versionId().ifPresent(version -> info.privateValue("dagVersionId", version));
        deployedAt.ifPresent(at -> info.privateValue(DEPLOYED_AT, at));
        return info.build();
    }
}
