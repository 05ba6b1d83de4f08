package dev.meshprov.jdbc;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;

/** The rows of {@code meshprov_instance}: this instance registers and refreshes its heartbeat there. */
final class InstanceRegistry {

    private final TaskDatabase database;
    private final Clock clock;
    private final String instanceId;

    InstanceRegistry(TaskDatabase database, Clock clock, String instanceId) {
        this.database = database;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /** Records that this instance is alive now; registers it when its row is missing (first beat, or reaped). */
    void heartbeat() {
        Instant now = clock.instant();
        database.run("record the heartbeat of instance " + instanceId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE meshprov_instance SET heartbeat_at = ? WHERE instance_id = ?")) {
                TaskDatabase.setInstant(update, 1, now);
                update.setString(2, instanceId);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO meshprov_instance (instance_id, started_at, heartbeat_at) VALUES (?, ?, ?)")) {
                insert.setString(1, instanceId);
                TaskDatabase.setInstant(insert, 2, now);
                TaskDatabase.setInstant(insert, 3, now);
                insert.executeUpdate();
            }
            return null;
        });
    }
}
