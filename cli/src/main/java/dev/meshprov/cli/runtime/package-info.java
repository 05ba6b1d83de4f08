/**
 * What a command runs in: the injectable process context (environment, working directory, streams, terminal, stop
 * signal), the exit codes, the session that loads the configuration and wires the application through the shared
 * composition root, logging set up from the {@code logging} section, and the progress line. No picocli.
 */
package dev.meshprov.cli.runtime;
