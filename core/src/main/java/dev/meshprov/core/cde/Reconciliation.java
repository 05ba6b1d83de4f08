package dev.meshprov.core.cde;

import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import java.util.List;

/**
 * The outcome of comparing the desired with the observed state: the writes to make, in order, and the plan
 * entry of every resource, file and job (including the unchanged ones).
 *
 * @param actions the writes, in the order to make them
 * @param changes one entry per resource, file and job
 */
record Reconciliation(List<CdeAction> actions, List<PlannedChange> changes) {
    Reconciliation {
        actions = List.copyOf(actions);
        changes = List.copyOf(changes);
    }

    Plan plan() {
        return new Plan(changes);
    }
}
