package dev.meshprov.core.descriptor;

/** Why a YAML document was refused; the message never quotes the document (it may hold secrets). */
final class YamlRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    YamlRejected(String message) {
        super(message, null, false, false);
    }
}
