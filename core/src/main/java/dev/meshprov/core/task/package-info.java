/**
 * The in-process implementations of the task ports: a bounded
 * in-memory {@link dev.meshprov.core.port.TaskStore} whose finished tasks expire, and a fair in-memory
 * {@link dev.meshprov.core.port.ComponentLock}. Shared implementations (JDBC) live outside the core.
 */
package dev.meshprov.core.task;
