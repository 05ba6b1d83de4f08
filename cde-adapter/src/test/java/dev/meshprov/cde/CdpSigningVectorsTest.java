package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * meshprov's signer and the CDP fake's judge against the known-answer vectors computed by the two references
 * (cdp-sdk-java's {@code Signer} and cdpcli's {@code auth.py}, see {@code vendor/cdp/README.md}): Ed25519 and RSA
 * headers match the Java SDK's exactly and carry the same signature bytes as cdpcli's; ECDSA headers have the
 * references' layout and a signature that verifies; the judge accepts the headers of both references and refuses a
 * header signed for another request.
 */
class CdpSigningVectorsTest {

    private static final JsonNode VECTORS = read();

    private static JsonNode read() {
        try {
            return LoopbackServer.JSON.readTree(OpenApiJudge.resource("vendor/cdp/signing-vectors.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode key : VECTORS.path("keys")) {
            for (JsonNode vector : key.path("cases")) {
                cases.add(Arguments.of(
                        key.path("name").asText() + " " + vector.path("path").asText(), key, vector));
            }
        }
        return cases.stream();
    }

    private static String accessKeyId() {
        return VECTORS.path("accessKeyId").asText();
    }

    private static PublicKey publicKey(JsonNode key) throws Exception {
        String algorithm =
                switch (key.path("authMethod").asText()) {
                    case "ed25519v1" -> "Ed25519";
                    case "rsav1" -> "RSA";
                    default -> "EC";
                };
        return KeyFactory.getInstance(algorithm)
                .generatePublic(new X509EncodedKeySpec(
                        Base64.getDecoder().decode(key.path("publicKeyX509").asText())));
    }

    private static String part(String header, int index) {
        return header.split("\\.")[index];
    }

    private static byte[] signature(String header) {
        return Base64.getUrlDecoder().decode(part(header, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void meshprovs_signer_computes_what_the_references_compute(String name, JsonNode key, JsonNode vector)
            throws Exception {
        CdpApiKey apiKey =
                CdpApiKey.parse(accessKeyId(), key.path("privateKey").asText()).orElseThrow();
        String method = vector.path("method").asText();
        String contentType = vector.path("contentType").asText();
        String date = vector.path("date").asText();
        String path = vector.path("path").asText();

        String header = apiKey.authHeader(method, contentType, date, path);

        assertThat(apiKey.authMethod()).isEqualTo(key.path("authMethod").asText());
        assertThat(apiKey.stringToSign(method, contentType, date, path))
                .isEqualTo(vector.path("stringToSign").asText());
        String sdkHeader = vector.path("sdkHeader").asText();
        if (apiKey.authMethod().equals(CdpApiKey.ECDSA)) {
            assertThat(part(header, 0)).isEqualTo(part(sdkHeader, 0));
            Signature verifier = Signature.getInstance("SHA512withECDSA");
            verifier.initVerify(publicKey(key));
            verifier.update(vector.path("stringToSign").asText().getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(signature(header))).isTrue();
        } else {
            assertThat(header).isEqualTo(sdkHeader);
            assertThat(signature(header))
                    .isEqualTo(signature(vector.path("cdpcliHeader").asText()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_fakes_judge_accepts_both_references_and_refuses_another_request(String name, JsonNode key, JsonNode vector)
            throws Exception {
        Map<String, PublicKey> keys = Map.of(accessKeyId(), publicKey(key));
        String method = vector.path("method").asText();
        String contentType = vector.path("contentType").asText();
        String date = vector.path("date").asText();
        String path = vector.path("path").asText();

        for (String reference : List.of("sdkHeader", "cdpcliHeader")) {
            assertThat(CdpSignatureRules.check(
                            method,
                            path,
                            contentType,
                            date,
                            vector.path(reference).asText(),
                            keys))
                    .as(reference)
                    .satisfies(outcome ->
                            assertThat(outcome.valid()).as(outcome.detail()).isTrue());
        }
        assertThat(CdpSignatureRules.check(
                                method,
                                path + "x",
                                contentType,
                                date,
                                vector.path("sdkHeader").asText(),
                                keys)
                        .verdict())
                .isEqualTo(CdpSignatureRules.Verdict.BAD_SIGNATURE);
        assertThat(CdpSignatureRules.check(
                                method,
                                path,
                                contentType,
                                date,
                                vector.path("sdkHeader").asText(),
                                Map.of())
                        .verdict())
                .isEqualTo(CdpSignatureRules.Verdict.UNKNOWN_ACCESS_KEY);
    }
}
