package dev.meshprov.cde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CDP request signing, checked with the JDK's {@link Signature} and the public half of each test key. */
class CdpApiKeyTest {

    private static final String DATE = "Sun, 01 Mar 2026 08:00:00 GMT";
    private static final String PATH = "/api/v1/de/listServices";

    @Test
    void an_ed25519_key_as_cdp_issues_it_signs_ed25519v1() throws Exception {
        assertSigns(TestKeys.ed25519Seed(), "ed25519v1", "Ed25519", TestKeys.ED25519.getPublic());
    }

    @Test
    void an_rsa_pem_key_signs_rsav1() throws Exception {
        assertSigns(TestKeys.rsaPem(), "rsav1", "SHA256withRSA", TestKeys.RSA.getPublic());
    }

    @Test
    void an_ecdsa_pkcs8_key_as_cdp_issues_it_signs_ecdsav1_with_sha512() throws Exception {
        assertSigns(TestKeys.ecdsaPem(), "ecdsav1", "SHA512withECDSA", TestKeys.ECDSA.getPublic());
    }

    @Test
    void a_pem_key_pasted_on_one_line_with_escaped_newlines_is_read_as_the_java_sdk_reads_it() throws Exception {
        String oneLine = TestKeys.rsaPem().strip().replace("\n", "\\n");

        assertSigns(oneLine, "rsav1", "SHA256withRSA", TestKeys.RSA.getPublic());
    }

    @Test
    void a_pkcs1_rsa_pem_key_is_read_too() throws Exception {
        byte[] pkcs8 = TestKeys.RSA.getPrivate().getEncoded();
        // PKCS#8 = SEQUENCE { version, algorithm, OCTET STRING { PKCS#1 } }: the PKCS#1 key is the last 1190-odd bytes
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----";

        assertSigns(pem, "rsav1", "SHA256withRSA", TestKeys.RSA.getPublic());
    }

    @Test
    void a_signature_does_not_verify_for_another_path() throws Exception {
        CdpApiKey key =
                CdpApiKey.parse(TestKeys.ACCESS_KEY_ID, TestKeys.ed25519Seed()).orElseThrow();
        String header = key.authHeader("POST", "application/json", DATE, PATH);

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(TestKeys.ED25519.getPublic());
        verifier.update(("POST\napplication/json\n" + DATE + "\n/api/v1/de/listVcs\ned25519v1")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(Base64.getUrlDecoder().decode(header.split("\\.")[1])))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not base64 at all!",
                "c2hvcnQ=",
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"
            })
    void unreadable_keys_are_refused(String text) {
        assertThat(CdpApiKey.parse(TestKeys.ACCESS_KEY_ID, text)).isEmpty();
    }

    @Test
    void the_key_never_shows_in_its_text() {
        CdpApiKey key =
                CdpApiKey.parse(TestKeys.ACCESS_KEY_ID, TestKeys.ed25519Seed()).orElseThrow();

        assertThat(key.toString()).doesNotContain(TestKeys.ed25519Seed()).contains(TestKeys.ACCESS_KEY_ID);
    }

    /** Reads {@code keyText}, signs a request with it and checks the header with {@code publicKey}. */
    private static void assertSigns(String keyText, String method, String algorithm, PublicKey publicKey)
            throws Exception {
        CdpApiKey key = CdpApiKey.parse(TestKeys.ACCESS_KEY_ID, keyText).orElseThrow();

        String header = key.authHeader("POST", "application/json", DATE, PATH);

        assertThat(key.authMethod()).isEqualTo(method);
        assertVerifies(header, algorithm, publicKey, method);
    }

    private static void assertVerifies(String header, String algorithm, PublicKey publicKey, String method)
            throws Exception {
        assertThat(header).doesNotContain("=").contains(".");
        String[] parts = header.split("\\.");
        JsonNode params = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(params.path("access_key_id").asText()).isEqualTo(TestKeys.ACCESS_KEY_ID);
        assertThat(params.path("auth_method").asText()).isEqualTo(method);

        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(
                ("POST\napplication/json\n" + DATE + "\n" + PATH + "\n" + method).getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[1]))).isTrue();
    }
}
