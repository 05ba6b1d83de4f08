/**
 * The {@code meshprov} command line: the entry point ({@link dev.meshprov.cli.Main}, which only exits with the code
 * of a run) and the picocli wiring (commands created with the run's context, usage errors mapped to exit 2). The only
 * place besides the other CLI packages that may use picocli or write to {@code System.out}/{@code System.err}; knows
 * no technology.
 */
package dev.meshprov.cli;
