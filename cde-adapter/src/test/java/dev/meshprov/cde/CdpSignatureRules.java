package dev.meshprov.cde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;

/**
 * How CDP checks a request signature, by the two reference signers — {@code cloudera/cdpcli}'s
 * {@code cdpcli/auth.py} ({@code V1Signer}) and {@code cloudera/cdp-sdk-java}'s {@code Signer}: {@code x-altus-date}
 * is an RFC 1123 date; {@code x-altus-auth} is base64url JSON {@code {"access_key_id", "auth_method"}} (cdpcli pads
 * and spaces it, the SDK does neither: both are accepted), a dot and the base64url signature over
 * {@code METHOD\ncontent-type\nx-altus-date\npath\nauth_method}; {@code ed25519v1} = Ed25519, {@code rsav1} =
 * SHA256withRSA, {@code ecdsav1} = SHA512withECDSA (DER). The known-answer vectors of both references prove these
 * rules ({@code CdpSigningVectorsTest}).
 */
final class CdpSignatureRules {

    /** What the check found. */
    enum Verdict {
        VALID,
        MALFORMED,
        UNKNOWN_ACCESS_KEY,
        BAD_SIGNATURE
    }

    /** The verdict and, when not valid, why. */
    record Outcome(Verdict verdict, String detail) {
        boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ALGORITHMS =
            Map.of("ed25519v1", "Ed25519", "rsav1", "SHA256withRSA", "ecdsav1", "SHA512withECDSA");

    private CdpSignatureRules() {}

    /** The string both references sign. */
    static String stringToSign(String method, String contentType, String date, String path, String authMethod) {
        return method + "\n" + contentType + "\n" + date + "\n" + path + "\n" + authMethod;
    }

    /**
     * Checks one request.
     *
     * @param contentType the {@code Content-Type} header ({@code null} when absent: signed as empty)
     * @param path the request path, without the query
     * @param keys the public key of every known access key id
     */
    static Outcome check(
            String method, String path, String contentType, String date, String auth, Map<String, PublicKey> keys) {
        if (date == null || auth == null) {
            return new Outcome(Verdict.MALFORMED, "x-altus-date and x-altus-auth are required");
        }
        try {
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(date);
        } catch (DateTimeParseException e) {
            return new Outcome(Verdict.MALFORMED, "x-altus-date '" + date + "' is not an RFC 1123 date");
        }
        String[] parts = auth.split("\\.", -1);
        if (parts.length != 2) {
            return new Outcome(Verdict.MALFORMED, "x-altus-auth is not <params>.<signature>");
        }
        JsonNode params;
        byte[] signature;
        try {
            params = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            signature = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException | IOException e) {
            return new Outcome(Verdict.MALFORMED, "x-altus-auth is not base64url JSON and signature");
        }
        if (params == null
                || !params.isObject()
                || params.size() != 2
                || !params.path("access_key_id").isTextual()
                || !params.path("auth_method").isTextual()) {
            return new Outcome(Verdict.MALFORMED, "the auth params must be exactly access_key_id and auth_method");
        }
        String method1 = params.path("auth_method").asText();
        String algorithm = ALGORITHMS.get(method1);
        if (algorithm == null) {
            return new Outcome(Verdict.MALFORMED, "auth_method '" + method1 + "' is not one of " + ALGORITHMS.keySet());
        }
        PublicKey key = keys.get(params.path("access_key_id").asText());
        if (key == null) {
            return new Outcome(Verdict.UNKNOWN_ACCESS_KEY, "unknown access key id");
        }
        if (!fits(key, method1)) {
            return new Outcome(Verdict.BAD_SIGNATURE, "the access key is not a " + method1 + " key");
        }
        String toSign = stringToSign(method, contentType == null ? "" : contentType.strip(), date, path, method1);
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(toSign.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature)
                    ? new Outcome(Verdict.VALID, "")
                    : new Outcome(
                            Verdict.BAD_SIGNATURE,
                            "the signature does not verify over '" + toSign.replace("\n", "\\n") + "'");
        } catch (GeneralSecurityException e) {
            return new Outcome(Verdict.BAD_SIGNATURE, "the signature cannot be verified: " + e.getMessage());
        }
    }

    private static boolean fits(PublicKey key, String authMethod) {
        return switch (authMethod) {
            case "ed25519v1" -> key instanceof EdECPublicKey;
            case "rsav1" -> key instanceof RSAPublicKey;
            default -> key instanceof ECPublicKey;
        };
    }
}
