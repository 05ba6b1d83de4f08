package dev.meshprov.core.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.core.secret.Redactor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A one-way fingerprint of the secret values of a connector configuration (passwords, private keys...), so that a
 * rotated secret is noticed even though Airbyte masks secrets when it shows a configuration. Salted with the
 * entity's kind and name and stretched with PBKDF2, so the fingerprint stored in {@code info.privateInfo} does not
 * help anyone guess the secret. Empty when the configuration holds no secret. The privateInfo keys deliberately do
 * not look like secrets (a redactor would mask them on the way to the coordinator).
 */
final class SecretFingerprint {

    private static final String PREFIX = "pbkdf2-sha256:";
    private static final int ITERATIONS = 20_000;
    private static final int BITS = 256;

    private SecretFingerprint() {}

    /** The fingerprint of the secret values in {@code configuration}; empty when there is none. */
    static Optional<String> of(ConnectorKind kind, String entityName, JsonNode configuration) {
        Map<String, String> secrets = new TreeMap<>();
        collect("", configuration, false, secrets);
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder material = new StringBuilder();
        secrets.forEach(
                (path, value) -> material.append(path).append('=').append(value).append('\n'));
        byte[] salt = ("meshprov-airbyte:" + kind.label() + ":" + entityName).getBytes(StandardCharsets.UTF_8);
        PBEKeySpec spec = new PBEKeySpec(material.toString().toCharArray(), salt, ITERATIONS, BITS);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            return Optional.of(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Whether {@code value} is a fingerprint made here (not, e.g., a value masked on its way). */
    static boolean isFingerprint(String value) {
        return value.startsWith(PREFIX) && value.length() > PREFIX.length();
    }

    private static void collect(String path, JsonNode node, boolean secret, Map<String, String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(
                        path + "." + field.getKey(),
                        field.getValue(),
                        secret || Redactor.isSecretKey(field.getKey()),
                        into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), secret, into);
            }
        } else if (secret && !node.isNull()) {
            into.put(path, node.asText());
        }
    }
}
