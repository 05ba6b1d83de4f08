package dev.meshprov.core.port;

import java.util.List;

/**
 * What provisioning a component would do, per upstream entity, computed without changing anything.
 *
 * @param changes one entry per upstream entity, in the order provisioning would handle them
 */
public record Plan(List<PlannedChange> changes) {
    public Plan {
        changes = List.copyOf(changes);
    }

    /** Whether provisioning would change nothing. */
    public boolean isNoop() {
        return changes.stream().allMatch(c -> c.kind() == ChangeKind.UNCHANGED);
    }
}
