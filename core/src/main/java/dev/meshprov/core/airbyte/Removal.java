package dev.meshprov.core.airbyte;

/** What deleting an entity did. */
public enum Removal {
    /** It existed and is now deleted. */
    DELETED,
    /** It did not exist (any more); nothing was done. */
    ALREADY_GONE
}
