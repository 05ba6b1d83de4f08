package dev.meshprov.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the task database and how replicas keep their leases.
 *
 * @param jdbcUrl {@code jdbc:postgresql://...} (several replicas) or {@code jdbc:h2:file:...} (one replica)
 * @param username the database user, if the URL does not carry it
 * @param password the database password (a secret: never printed)
 * @param poolSize how many connections meshprov keeps at most; each running operation holds one for its lock
 * @param heartbeat how often this instance says it is alive, reaps the tasks of stopped instances and deletes
 *     expired finished tasks
 * @param lease how long an instance may go without a heartbeat before its unfinished tasks are failed
 * @param retention how long finished tasks stay pollable
 * @param instanceId this process's id: the owner of the tasks it runs
 */
public record JdbcTaskSettings(
        String jdbcUrl,
        Optional<String> username,
        Optional<String> password,
        int poolSize,
        Duration heartbeat,
        Duration lease,
        Duration retention,
        String instanceId) {

    public JdbcTaskSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive");
        }
        requirePositive(heartbeat, "heartbeat");
        requirePositive(lease, "lease");
        requirePositive(retention, "retention");
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** Whether meshprov can use a database at this URL (PostgreSQL or H2). */
    public static boolean supports(String jdbcUrl) {
        return Dialect.of(jdbcUrl).isPresent();
    }

    /** Whether the database at this URL may be shared by several replicas (PostgreSQL). */
    public static boolean sharedAcrossReplicas(String jdbcUrl) {
        return Dialect.of(jdbcUrl).map(Dialect::sharedAcrossReplicas).orElse(false);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    @Override
    public String toString() {
        return "JdbcTaskSettings[jdbcUrl=" + JdbcUrls.describe(jdbcUrl) + ", username=" + username.orElse("")
                + ", password=" + (password.isPresent() ? "***" : "") + ", poolSize=" + poolSize + ", heartbeat="
                + heartbeat + ", lease=" + lease + ", retention=" + retention + ", instanceId=" + instanceId + "]";
    }
}
