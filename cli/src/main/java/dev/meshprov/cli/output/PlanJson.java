package dev.meshprov.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.Plan;
import dev.meshprov.core.port.PlannedChange;
import dev.meshprov.http.wire.WireJson;

/**
 * The JSON of a plan: {@code {"noop": bool, "summary": {"CREATE": n, ...}, "changes": [{"entity", "name", "kind",
 * "detail"}]}}, changes in the order provisioning would handle them; {@code detail} is left out when empty.
 */
public final class PlanJson {

    private PlanJson() {}

    public static ObjectNode plan(Plan plan) {
        ObjectNode node = WireJson.object();
        node.put("noop", plan.isNoop());
        ObjectNode summary = node.putObject("summary");
        for (ChangeKind kind : ChangeKind.values()) {
            summary.put(kind.name(), count(plan, kind));
        }
        ArrayNode changes = node.putArray("changes");
        plan.changes().forEach(change -> changes.add(change(change)));
        return node;
    }

    static long count(Plan plan, ChangeKind kind) {
        return plan.changes().stream().filter(c -> c.kind() == kind).count();
    }

    private static ObjectNode change(PlannedChange change) {
        ObjectNode node = WireJson.object();
        node.put("entity", change.entity());
        node.put("name", change.name());
        node.put("kind", change.kind().name());
        if (!change.detail().isBlank()) {
            node.put("detail", change.detail());
        }
        return node;
    }
}
