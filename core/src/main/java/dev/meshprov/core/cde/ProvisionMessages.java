package dev.meshprov.core.cde;

import dev.meshprov.core.port.ChangeKind;
import dev.meshprov.core.port.PlannedChange;
import java.util.List;

/** The texts provisioning and unprovisioning report: the summary of a result and the discovery log line. */
final class ProvisionMessages {

    private ProvisionMessages() {}

    static String summary(CdeJobTarget target, Discovered found, List<PlannedChange> changes) {
        long written =
                changes.stream().filter(c -> c.kind() != ChangeKind.UNCHANGED).count();
        String where = " in virtual cluster " + found.virtualCluster().name() + " of CDE service "
                + found.service().name();
        return written == 0
                ? "CDE job " + target.jobName() + " is up to date" + where
                : "CDE job " + target.jobName() + " provisioned" + where + " (" + written + " change"
                        + (written == 1 ? "" : "s") + ")";
    }

    static String describe(Discovered found) {
        return "Found CDE service " + found.service().name() + " ("
                + found.service().clusterId()
                + ") and virtual cluster " + found.virtualCluster().name() + " ("
                + found.virtualCluster().vcId()
                + "), both running";
    }
}
