package dev.meshprov.cde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A CDP API key and the request signature CDP expects, as {@code cloudera/cdpcli}'s {@code cdpcli/auth.py} and
 * {@code cloudera/cdp-sdk-java}'s {@code Signer} compute it: header {@code x-altus-auth} is the base64url (no
 * padding, as the Java SDK sends it) JSON {@code {"access_key_id", "auth_method"}}, a dot, and the base64url
 * signature of {@code METHOD\ncontent-type\ndate\npath\nauth_method}. Ed25519 keys sign as {@code ed25519v1}, RSA
 * keys as {@code rsav1} (SHA256withRSA, PKCS#1 v1.5), EC keys as {@code ecdsav1} (SHA512withECDSA, DER-encoded as
 * both references send it). The key never appears in {@link #toString()}. Checked against known-answer vectors of
 * both references (test resources {@code vendor/cdp/signing-vectors.json}).
 */
final class CdpApiKey {

    static final String ED25519 = "ed25519v1";
    static final String RSA = "rsav1";
    static final String ECDSA = "ecdsav1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private final String accessKeyId;
    private final PrivateKey key;
    private final String authMethod;

    private CdpApiKey(String accessKeyId, PrivateKey key, String authMethod) {
        this.accessKeyId = accessKeyId;
        this.key = key;
        this.authMethod = authMethod;
    }

    /**
     * Reads a base64 Ed25519 seed (as CDP issues it), a PKCS#8 PEM key (RSA or EC, as CDP issues them; Ed25519 too),
     * a PKCS#1 PEM RSA key, or base64 PKCS#8 DER; empty when unreadable. A key pasted on one line with literal
     * {@code \n} escapes is read as the Java SDK reads it.
     */
    static Optional<CdpApiKey> parse(String accessKeyId, String privateKey) {
        try {
            String text = privateKey.replace("\\n", "\n").strip();
            if (text.contains("-----BEGIN")) {
                byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
                byte[] pkcs8 = text.contains("BEGIN RSA PRIVATE KEY") ? wrapPkcs1(der) : der;
                return fromPkcs8(accessKeyId, pkcs8);
            }
            byte[] raw = decodeBase64(text);
            if (raw.length == 32) {
                PrivateKey key = KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, raw));
                return Optional.of(new CdpApiKey(accessKeyId, key, ED25519));
            }
            return fromPkcs8(accessKeyId, raw);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] decodeBase64(String text) {
        String compact = text.replaceAll("\\s", "");
        return compact.contains("-") || compact.contains("_")
                ? Base64.getUrlDecoder().decode(compact)
                : Base64.getDecoder().decode(compact);
    }

    private static Optional<CdpApiKey> fromPkcs8(String accessKeyId, byte[] der) {
        for (String algorithm : new String[] {"Ed25519", "RSA", "EC"}) {
            try {
                PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                return Optional.of(new CdpApiKey(accessKeyId, key, authMethodOf(algorithm)));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        return Optional.empty();
    }

    private static String authMethodOf(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> RSA;
            case "EC" -> ECDSA;
            default -> ED25519;
        };
    }

    private String signatureAlgorithm() {
        return switch (authMethod) {
            case RSA -> "SHA256withRSA";
            case ECDSA -> "SHA512withECDSA";
            default -> "Ed25519";
        };
    }

    /** PKCS#1 {@code RSAPrivateKey} wrapped as PKCS#8 {@code PrivateKeyInfo}. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM_ID);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        sequence.writeBytes(length(body.size()));
        sequence.writeBytes(body.toByteArray());
        return sequence.toByteArray();
    }

    private static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    String accessKeyId() {
        return accessKeyId;
    }

    String authMethod() {
        return authMethod;
    }

    /** The string CDP verifies the signature over. */
    String stringToSign(String method, String contentType, String date, String path) {
        return method.toUpperCase(java.util.Locale.ROOT) + "\n" + contentType + "\n" + date + "\n" + path + "\n"
                + authMethod;
    }

    /** The value of the {@code x-altus-auth} header of a request. */
    String authHeader(String method, String contentType, String date, String path) {
        try {
            Signature signature = Signature.getInstance(signatureAlgorithm());
            signature.initSign(key);
            signature.update(stringToSign(method, contentType, date, path).getBytes(StandardCharsets.UTF_8));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("access_key_id", accessKeyId);
            params.put("auth_method", authMethod);
            return URL.encodeToString(JSON.writeValueAsBytes(params)) + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot sign with a key that was read successfully", e);
        }
    }

    @Override
    public String toString() {
        return "CdpApiKey[" + accessKeyId + ", " + authMethod + "]";
    }
}
