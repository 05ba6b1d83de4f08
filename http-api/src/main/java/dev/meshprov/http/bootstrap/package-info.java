/**
 * The composition root: loading the configuration (YAML file, {@code MESHPROV_*} environment overrides,
 * {@code ${VAR}} interpolation), binding and checking it with every problem reported together, and wiring the
 * {@link dev.meshprov.core.service.Provisioner} with the technologies found through
 * {@link java.util.ServiceLoader}. Knows no technology by name: adding one needs nothing here.
 */
package dev.meshprov.http.bootstrap;
