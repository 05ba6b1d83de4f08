package dev.meshprov.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    @Test
    void masksRegisteredSecretsAnywhere() {
        redactor.register("Sup3r-Secret!");

        assertThat(redactor.redact("login failed for bob with Sup3r-Secret! at 10:00"))
                .isEqualTo("login failed for bob with *** at 10:00");
    }

    @Test
    void masksEachLongLineOfAPrivateKey() {
        String pem =
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----";
        redactor.register(pem);

        assertThat(redactor.redact("echo: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")).isEqualTo("echo: ***");
        assertThat(redactor.redact("-----BEGIN PRIVATE KEY-----")).isEqualTo("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void ignoresSecretsTooShortToMaskSafely() {
        redactor.register("ab");

        assertThat(redactor.redact("a tab")).isEqualTo("a tab");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            {"password":"hunter22","user":"bob"} | {"password":"***","user":"bob"}
            {"client_secret": "abc\\"def"} | {"client_secret": "***"}
            {"credentials": {"password": "x1y2"}} | {"credentials": {"password": "***"}}
            password=hunter22&user=bob | password=***&user=bob
            access_token: eyJhbGciOi.x.y | access_token: ***
            privateKey=abc123 rest | privateKey=*** rest
            password: hunter22, user: bob | password: ***, user: bob
            source.password: is required but missing | source.password: is required but missing
            """)
    void masksValuesOfSecretLookingKeysInText(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @Test
    void keepsTheSyntaxOfAVariableReferenceInAFixHint() {
        String hint = "Set AIRBYTE_CLIENT_SECRET, or give a default: ${AIRBYTE_CLIENT_SECRET:-value}.";

        assertThat(redactor.redact(hint)).isEqualTo(hint);
        assertThat(redactor.redact("clientSecret: ${AIRBYTE_CLIENT_SECRET}"))
                .isEqualTo("clientSecret: ${AIRBYTE_CLIENT_SECRET}");
    }

    @Test
    void stillMasksARegisteredSecretWrittenAsADefault() {
        redactor.register("hunter22-default");

        assertThat(redactor.redact("${DB_PASSWORD:-hunter22-default}")).isEqualTo("${DB_PASSWORD:-***}");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "GET /v1/sources?limit=20 answered 404: source not found (tokenUrl unchanged)";

        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void masksSecretKeysInTrees() throws Exception {
        redactor.register("canary-value-123");
        JsonNode tree = new ObjectMapper()
                .readTree(
                        "{\"host\":\"h\",\"credentials\":{\"password\":\"p\"},\"note\":\"canary-value-123\",\"tokenUrl\":\"u\"}");

        JsonNode redacted = redactor.redact(tree);

        assertThat(redacted.toString())
                .isEqualTo(
                        "{\"host\":\"h\",\"credentials\":{\"password\":\"***\"},\"note\":\"***\",\"tokenUrl\":\"u\"}");
        assertThat(tree.path("credentials").path("password").asText())
                .as("the input is untouched")
                .isEqualTo("p");
    }

    @ParameterizedTest
    @CsvSource({
        "password, true",
        "clientSecret, true",
        "client_secret, true",
        "privateKey, true",
        "apiKey, true",
        "token, true",
        "tokenUrl, false",
        "passwordFile, false",
        "authType, false",
        "accessKeyId, false",
        "host, false"
    })
    void recognisesSecretKeys(String key, boolean secret) {
        assertThat(Redactor.isSecretKey(key)).isEqualTo(secret);
    }
}
