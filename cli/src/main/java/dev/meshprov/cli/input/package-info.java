/**
 * Reading what the command line names: files relative to the working directory or stdin ({@code -}), turned into
 * the core's requests with the HTTP API's readers. A file that cannot be read is an {@link
 * dev.meshprov.cli.input.InputException} (a usage error); content that is wrong is a list of problems. No picocli,
 * no output.
 */
package dev.meshprov.cli.input;
