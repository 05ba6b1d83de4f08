/**
 * Durable tasks on a database: a {@link dev.meshprov.core.port.TaskStore} keeping each task as JSON plus indexed
 * columns, the per-component {@link dev.meshprov.core.port.ComponentLock} shared by replicas (PostgreSQL advisory
 * locks), the versioned schema migration, the registration and heartbeat of instances and the reaper that fails the
 * tasks of instances that stopped. {@link dev.meshprov.jdbc.JdbcTaskBackend} is the entry point; everything else is
 * package-private. Nothing technology-specific lives here, and nothing here may print a JDBC password.
 */
package dev.meshprov.jdbc;
