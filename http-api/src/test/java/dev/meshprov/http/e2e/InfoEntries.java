package dev.meshprov.http.e2e;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code publicInfo} entries in the contract's display shapes, to compare whole entries of a response. */
final class InfoEntries {

    private InfoEntries() {}

    /** An entry of display type {@code string}. */
    static ObjectNode text(String label, String value) {
        return entry("string", label, value);
    }

    /** An entry of display type {@code link}. */
    static ObjectNode link(String label, String value, String href) {
        return entry("link", label, value).put("href", href);
    }

    private static ObjectNode entry(String type, String label, String value) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("type", type)
                .put("label", label)
                .put("value", value);
    }
}
