package dev.meshprov.core.airbyte;

/** The two kinds of Airbyte connector a component owns: its source and its destination. */
public enum ConnectorKind {
    SOURCE("source", "sourceId", "sourceType"),
    DESTINATION("destination", "destinationId", "destinationType");

    private final String label;
    private final String idKey;
    private final String typeKey;

    ConnectorKind(String label, String idKey, String typeKey) {
        this.label = label;
        this.idKey = idKey;
        this.typeKey = typeKey;
    }

    /** The lower-case name, also the key of its section in {@code specific} and its log phase. */
    public String label() {
        return label;
    }

    /** The key of its id in Airbyte's answers and in {@code info.privateInfo}, e.g. {@code sourceId}. */
    public String idKey() {
        return idKey;
    }

    /** The key naming the connector type, e.g. {@code sourceType}. */
    public String typeKey() {
        return typeKey;
    }
}
