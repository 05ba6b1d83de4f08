package dev.meshprov.core.cde;

/** The value of a gateway call that succeeded and has nothing to return. */
public enum Done {
    DONE
}
