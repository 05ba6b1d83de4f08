package dev.meshprov.core.cde;

import dev.meshprov.core.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of the static rules: every problem, plus whatever parts were valid so that online checks can still
 * look at them (a bad job name does not stop the service check).
 *
 * @param problems every static problem
 * @param serviceField the dot path of {@code cdeService}
 * @param service the service name, when valid
 * @param virtualClusterField the dot path of {@code cdeCluster}
 * @param virtualCluster the virtual cluster name, when valid
 * @param target the whole target, when valid
 * @param workload the workload, when requested and valid
 * @param artifacts the artifacts whose URIs are valid
 */
record DescriptorReading(
        List<Problem> problems,
        String serviceField,
        Optional<String> service,
        String virtualClusterField,
        Optional<String> virtualCluster,
        Optional<CdeJobTarget> target,
        Optional<CdeWorkload> workload,
        List<ArtifactField> artifacts) {

    DescriptorReading {
        problems = List.copyOf(problems);
        artifacts = List.copyOf(artifacts);
    }
}
