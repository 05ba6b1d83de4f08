/**
 * Turning request text into the model: {@link dev.meshprov.core.descriptor.SafeYaml} parses YAML (and JSON) with
 * bounded aliases, depth, size and node count, constructs no objects from tags, and yields a Jackson tree (read-only
 * where it may be shared) — the plain YAML of descriptors in one pass, everything else through SnakeYAML's compose;
 * {@link dev.meshprov.core.descriptor.DescriptorParser} finds the data product and the component to act on and
 * reports every descriptor problem with its field path.
 */
package dev.meshprov.core.descriptor;
