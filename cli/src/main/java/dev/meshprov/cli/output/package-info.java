/**
 * Rendering outcomes as text for people or as JSON for scripts (the HTTP API's shapes from {@code http.wire}, plus
 * the plan and the configuration report), every line and document through the application's redactor. No picocli,
 * no decisions about exit codes.
 */
package dev.meshprov.cli.output;
