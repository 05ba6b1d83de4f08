package dev.meshprov.core.descriptor;

/**
 * Bounds applied when parsing YAML, so that hostile documents are refused quickly with bounded memory.
 *
 * @param maxCodePoints the largest document accepted, in characters
 * @param maxAliasesForCollections how many aliases to lists or maps a document may use
 * @param maxDepth the deepest nesting of lists and maps
 * @param maxNodes the most values the document may expand to once aliases are resolved
 */
public record YamlLimits(int maxCodePoints, int maxAliasesForCollections, int maxDepth, int maxNodes) {

    public YamlLimits {
        if (maxCodePoints <= 0 || maxAliasesForCollections < 0 || maxDepth <= 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }

    /** Limits that fit every real descriptor (a data product of hundreds of components) with room to spare. */
    public static YamlLimits defaults() {
        return new YamlLimits(8 * 1024 * 1024, 100, 64, 500_000);
    }
}
