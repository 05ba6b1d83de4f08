package dev.meshprov.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.http.testing.TestTechnologyProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code server.auth.tokens}: when configured, every contract endpoint (at the root and under each technology's
 * prefix) needs {@code Authorization: Bearer <token>} with one of the tokens; the operational endpoints stay open;
 * when not configured, nothing needs a token.
 */
class BearerAuthenticationTest {

    private static final String FIRST_TOKEN = "first-token-9c2Xw81LmQ";
    private static final String SECOND_TOKEN = "second-token-Zr55pK0aYt";
    /** {@code server.basePath} of the server with tokens: the contract is served under it too. */
    private static final String BASE_PATH = "/platform/meshprov";

    private static final String DESCRIPTOR = Requests.descriptor("alpha", "authed", Map.of("name", "authed"));

    /** Every contract path, at the root and under the alpha prefix, with the method it is served with. */
    private static final List<String[]> CONTRACT_CALLS = contractCalls();

    private static List<String[]> contractCalls() {
        List<String[]> calls = new ArrayList<>();
        for (String prefix : List.of("", "/alpha", BASE_PATH, BASE_PATH + "/alpha")) {
            calls.add(new String[] {"POST", prefix + "/v1/validate"});
            calls.add(new String[] {"POST", prefix + "/v2/validate"});
            calls.add(new String[] {"GET", prefix + "/v2/validate/some-token/status"});
            calls.add(new String[] {"POST", prefix + "/v1/provision"});
            calls.add(new String[] {"POST", prefix + "/v1/unprovision"});
            calls.add(new String[] {"GET", prefix + "/v1/provision/some-token/status"});
            calls.add(new String[] {"POST", prefix + "/v1/updateacl"});
            calls.add(new String[] {"POST", prefix + "/v1/reverse-provisioning"});
            calls.add(new String[] {"GET", prefix + "/v1/reverse-provisioning/some-token/status"});
        }
        return calls;
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithTokens {

        private TestServer server;
        private ApiClient anonymous;

        @BeforeAll
        void start() {
            String config = TestServer.STANDARD_CONFIG.replace(
                    "  port: 0\n",
                    "  port: 0\n  basePath: " + BASE_PATH + "\n  auth:\n    tokens: [" + FIRST_TOKEN + ", "
                            + SECOND_TOKEN + "]\n");
            List<String> canaries = new ArrayList<>(TestServer.CANARIES);
            canaries.addAll(List.of(FIRST_TOKEN, SECOND_TOKEN));
            server = TestServer.start(config, TestTechnologyProvider::standard, canaries);
            anonymous = server.client();
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void everyContractEndpointWithoutATokenIsA401WithTheRichBodyAndTheChallenge() {
            for (String[] call : CONTRACT_CALLS) {
                ApiResponse response = send(anonymous, call);

                assertThat(response.status()).as("%s %s", call[0], call[1]).isEqualTo(401);
                assertThat(response.wwwAuthenticate()).as(call[1]).isEqualTo("Bearer");
                assertThat(response.mediaType()).isEqualTo("application/json");
                JsonNode body = response.json();
                assertThat(body.path("inputErrorField").asText()).isEqualTo("Authorization");
                assertThat(body.path("errors").get(0).asText())
                        .isEqualTo("Authorization: is required but missing (fix: Send the header Authorization:"
                                + " Bearer <token> with one of the tokens configured in server.auth.tokens.)");
                assertThat(body.path("userMessage").asText()).startsWith("The request is not authenticated");
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Bearer wrong-token-but-long-enough",
                    "Bearer first-token-9c2Xw81Lm",
                    "Bearer first-token-9c2Xw81LmQQ",
                    "Bearer first-token-9c2Xw81LmQ,second-token-Zr55pK0aYt",
                })
        void aWrongTokenIsA401ThatDoesNotSayWhichTokenCameClose(String authorization) {
            ApiResponse response = anonymous.withAuthorization(authorization).post("/v1/provision", provisioning());

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.wwwAuthenticate()).isEqualTo("Bearer");
            assertThat(response.json().path("errors").get(0).asText())
                    .startsWith("Authorization: carries a token this server does not accept");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", FIRST_TOKEN, "Token " + FIRST_TOKEN})
        void anotherSchemeIsA401NamingTheExpectedOne(String authorization) {
            ApiResponse response = anonymous.withAuthorization(authorization).post("/v1/validate", provisioning());

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("errors").get(0).asText())
                    .startsWith("Authorization: is not a bearer token");
        }

        @Test
        void eachConfiguredTokenIsAccepted() {
            for (String token : List.of(FIRST_TOKEN, SECOND_TOKEN)) {
                ApiClient client = anonymous.withAuthorization("Bearer " + token);

                ApiResponse validation = client.post("/v1/validate", provisioning());
                ApiResponse provisioned = client.post("/alpha/v1/provision", provisioning());

                assertThat(validation.status()).isEqualTo(200);
                assertThat(validation.json().path("valid").asBoolean()).isTrue();
                assertThat(provisioned.status()).isEqualTo(200);
                assertThat(provisioned.json().path("status").asText()).isEqualTo("COMPLETED");
            }
        }

        @Test
        void theSchemeIsCaseInsensitive() {
            ApiResponse response =
                    anonymous.withAuthorization("bearer " + SECOND_TOKEN).post("/v1/validate", provisioning());

            assertThat(response.status()).isEqualTo(200);
        }

        @Test
        void anAuthenticatedRequestToAnUnknownContractPathIsStillA404() {
            ApiResponse unauthenticated = anonymous.get("/v1/nothing-here");
            ApiResponse authenticated =
                    anonymous.withAuthorization("Bearer " + FIRST_TOKEN).get("/v1/nothing-here");

            assertThat(unauthenticated.status())
                    .as("the endpoint list is not shown to strangers")
                    .isEqualTo(401);
            assertThat(authenticated.status()).isEqualTo(404);
        }

        @Test
        void theOperationalEndpointsStayOpen() {
            assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
            assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
            assertThat(anonymous.get("/openapi.yaml").status()).isEqualTo(200);
            for (String prefix : List.of("/alpha", BASE_PATH, BASE_PATH + "/alpha")) {
                assertThat(anonymous.get(prefix + "/health/ready").status())
                        .as(prefix)
                        .isEqualTo(200);
                assertThat(anonymous.get(prefix + "/docs/").status()).as(prefix).isEqualTo(200);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithoutTokens {

        private TestServer server;

        @BeforeAll
        void start() {
            server = TestServer.standard();
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void nothingNeedsAToken() {
            ApiResponse validation = server.client().post("/v1/validate", provisioning());

            assertThat(validation.status()).isEqualTo(200);
            assertThat(validation.wwwAuthenticate()).isNull();
        }
    }

    @Test
    void onlyContractPathsAreProtected() {
        assertThat(List.of("/v1/provision", "/v2/validate", "/alpha/v1/updateacl", "/v1", "/mwaa/v2/x"))
                .allMatch(BearerAuth::isProtected);
        assertThat(List.of("/health/live", "/health/ready", "/openapi.yaml", "/metrics", "/swagger", "/"))
                .noneMatch(BearerAuth::isProtected);
        assertThat(BearerAuth.isProtected(BASE_PATH + "/alpha/v1/provision", BASE_PATH))
                .isTrue();
        assertThat(BearerAuth.isProtected(BASE_PATH + "/v2/validate/t/status", BASE_PATH))
                .isTrue();
        assertThat(BearerAuth.isProtected(BASE_PATH + "/docs", BASE_PATH)).isFalse();
    }

    private static ApiResponse send(ApiClient client, String[] call) {
        return call[0].equals("GET") ? client.get(call[1]) : client.post(call[1], provisioning());
    }

    private static String provisioning() {
        return Requests.provisioning(DESCRIPTOR, false).toString();
    }
}
