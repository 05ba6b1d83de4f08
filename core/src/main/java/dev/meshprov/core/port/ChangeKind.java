package dev.meshprov.core.port;

/** What provisioning would do to one upstream entity. */
public enum ChangeKind {
    CREATE,
    UPDATE,
    REPLACE,
    UNCHANGED,
    DELETE
}
