package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.Component;
import dev.meshprov.core.model.DataProduct;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.service.RoutingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the Airflow siblings of a component that would deploy the same DAG: the name sanitiser is not injective
 * ({@code my-dag.py} and {@code my_dag.py} both become {@code ..._my_dag.py}), and two components writing one file
 * would silently replace each other's DAG. See the package documentation for which components count as siblings.
 */
final class DagCollisions {

    private DagCollisions() {}

    /**
     * One problem per sibling that resolves to the same bucket and DAG id as {@code dag}; {@code resolve} gives a
     * sibling's resolution, empty when the sibling is itself invalid (it then reports its own problems).
     */
    static List<Problem> find(
            ResolvedDag dag,
            Component component,
            DataProduct dataProduct,
            Function<Component, Optional<ResolvedDag>> resolve) {
        List<Problem> problems = new ArrayList<>();
        for (Component other : dataProduct.components()) {
            if (other.id().equals(component.id()) || !isAirflowSibling(component, other)) {
                continue;
            }
            resolve.apply(other)
                    .filter(sibling -> sibling.keys().bucket().equals(dag.keys().bucket()))
                    .filter(sibling -> sibling.keys().dagId().equals(dag.keys().dagId()))
                    .ifPresent(sibling -> problems.add(Problem.of(
                            component.fieldPath("specific.dagName"),
                            "is '" + dag.dagName() + "', which deploys the DAG "
                                    + dag.keys().dagId() + " ("
                                    + dag.keys().dagKey() + "), the same as component " + other.id()
                                    + " with dagName '" + sibling.dagName() + "': every character outside"
                                    + " [a-zA-Z0-9_] becomes '_', so one DAG would replace the other",
                            "Rename the DAG file of one of the two components so that the names still differ after"
                                    + " '-' and '.' are replaced by '_'.")));
        }
        return problems;
    }

    /**
     * Whether {@code other} is an Airflow component like {@code component}: same infrastructure or use case
     * template (ignoring versions) and a string {@code specific.dagName}.
     */
    static boolean isAirflowSibling(Component component, Component other) {
        boolean sameTemplate = sameTemplate(component.infrastructureTemplateId(), other.infrastructureTemplateId())
                || sameTemplate(component.useCaseTemplateId(), other.useCaseTemplateId());
        return sameTemplate && other.specific().path("dagName").isTextual();
    }

    private static boolean sameTemplate(Optional<String> mine, Optional<String> theirs) {
        return mine.isPresent()
                && theirs.isPresent()
                && RoutingTable.withoutVersion(mine.get()).equals(RoutingTable.withoutVersion(theirs.get()));
    }
}
