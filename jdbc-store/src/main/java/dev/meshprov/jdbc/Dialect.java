package dev.meshprov.jdbc;

import java.util.Locale;
import java.util.Optional;

/** The databases the task store supports, told apart by the JDBC URL. */
enum Dialect {
    /** PostgreSQL: shared by several replicas; locks are advisory locks. */
    POSTGRESQL("jdbc:postgresql:", true),
    /** H2 embedded file database: one replica only (H2 locks the file); locks stay in the process. */
    H2("jdbc:h2:", false);

    private final String prefix;
    private final boolean shared;

    Dialect(String prefix, boolean shared) {
        this.prefix = prefix;
        this.shared = shared;
    }

    static Optional<Dialect> of(String jdbcUrl) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (lower.startsWith(dialect.prefix)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /** Whether several meshprov processes may use the database at once. */
    boolean sharedAcrossReplicas() {
        return shared;
    }
}
