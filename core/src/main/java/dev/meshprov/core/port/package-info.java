/**
 * What the core needs from outside, as interfaces: {@link dev.meshprov.core.port.Technology} (one per technology,
 * created by a {@link dev.meshprov.core.port.TechnologyProvider} found with {@link java.util.ServiceLoader}),
 * {@link dev.meshprov.core.port.TaskStore} and {@link dev.meshprov.core.port.ComponentLock}; and what it tells the
 * outside about its work: {@link dev.meshprov.core.port.UpstreamObserver} (every upstream call) and
 * {@link dev.meshprov.core.port.TaskListener} (every task's state changes). Implementations live in
 * the adapter modules or in {@code dev.meshprov.core.task}; nothing here does I/O.
 */
package dev.meshprov.core.port;
