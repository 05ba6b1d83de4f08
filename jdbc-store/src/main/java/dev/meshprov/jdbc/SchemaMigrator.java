package dev.meshprov.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Brings the schema to the version this meshprov knows, from versioned SQL scripts in the resources, recording each
 * applied version in {@code meshprov_schema_version}. Idempotent, and one transaction for all pending scripts: on
 * PostgreSQL it first takes a transaction-scoped advisory lock, so replicas starting together migrate one after the
 * other (the later ones find nothing to do).
 */
final class SchemaMigrator {

    /** The scripts in order; the version is the number after {@code V}. */
    static final List<String> SCRIPTS = List.of("V1__tasks_and_instances.sql");

    private static final long MIGRATION_LOCK = LockKeys.of("meshprov:schema-migration");

    private final TaskDatabase database;
    private final Clock clock;

    SchemaMigrator(TaskDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The newest version this meshprov knows. */
    static int latestVersion() {
        return version(SCRIPTS.get(SCRIPTS.size() - 1));
    }

    /** Applies the scripts not applied yet; returns how many were applied. */
    int migrate() {
        return database.inTransaction("migrate the schema", connection -> {
            if (database.dialect() == Dialect.POSTGRESQL) {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, MIGRATION_LOCK);
                    lock.execute();
                }
            }
            execute(
                    connection,
                    "CREATE TABLE IF NOT EXISTS meshprov_schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                            + " script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            int current = currentVersion(connection);
            if (current > latestVersion()) {
                throw new SQLException("the schema has version " + current + ", newer than this meshprov knows ("
                        + latestVersion() + "); run a newer meshprov, or give this one its own database");
            }
            int applied = 0;
            for (String script : SCRIPTS) {
                if (version(script) > current) {
                    for (String statement : statements(script)) {
                        execute(connection, statement);
                    }
                    record(connection, script);
                    applied++;
                }
            }
            return applied;
        });
    }

    /** The version recorded in the database, 0 when none. */
    int currentVersion() {
        return database.run("read the schema version", SchemaMigrator::currentVersion);
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM meshprov_schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void record(Connection connection, String script) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO meshprov_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, version(script));
            insert.setString(2, script);
            TaskDatabase.setInstant(insert, 3, clock.instant());
            insert.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** The statements of a script: comment lines dropped, split at semicolons ending a line. */
    static List<String> statements(String script) {
        String text = read(script);
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        Arrays.stream(withoutComments.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .forEach(statements::add);
        return statements;
    }

    private static String read(String script) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("schema/" + script)) {
            if (in == null) {
                throw new IllegalStateException("schema script missing from the build: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
