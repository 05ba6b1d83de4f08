package dev.meshprov.core.mwaa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Airflow component with the configuration applied: where its DAG comes from and goes to.
 *
 * @param componentId the component id
 * @param prefix the data product prefix from the component id
 * @param dagName the DAG file name as written in the descriptor
 * @param keys every key of the DAG
 * @param schedule the schedule from {@code specific.scheduleCron}, when given
 * @param airflowUiUrl the Airflow web UI of the environment, when configured
 * @param overrides one line per descriptor value the configuration replaced, for the operation log
 * @param staging the staging prefix and what decided it (absent when the operation does not read the staging file)
 */
public record ResolvedDag(
        String componentId,
        DataProductPrefix prefix,
        String dagName,
        DagKeys keys,
        Optional<String> schedule,
        Optional<String> airflowUiUrl,
        List<String> overrides,
        Optional<StagingPrefix> staging) {

    public ResolvedDag {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(dagName, "dagName");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(airflowUiUrl, "airflowUiUrl");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(staging, "staging");
    }

    /** The link to the DAG in the Airflow UI, when the UI is configured. */
    public Optional<String> airflowDagUrl() {
        return airflowUiUrl.map(url -> url + "/dags/" + keys.dagId() + "/grid");
    }
}
