/**
 * Binding configuration sections (already merged from the file, the environment and {@code ${VAR}} interpolation)
 * into typed records, reporting every unknown key and wrong type together with its dotted key. Shared by the
 * composition root and by each technology provider.
 */
package dev.meshprov.core.config;
