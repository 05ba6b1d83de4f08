package dev.meshprov.http.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.http.testing.UpstreamOutages;
import dev.meshprov.http.testing.UpstreamOutages.Check;
import dev.meshprov.http.testing.UpstreamOutages.Outage;
import dev.meshprov.mwaa.LocalS3;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An upstream that cannot be reached, does not answer in time or refuses meshprov's credentials while a descriptor
 * is checked is never "the descriptor is invalid": {@code /v1/validate}, the {@code /v2/validate} status,
 * {@code /v1/provision} and the per-technology prefixes answer the contract's {@code SystemError} (500) naming the
 * upstream call, its target and the kind of failure, and blaming no field of the descriptor. For each upstream of
 * each technology ({@link UpstreamOutages}): S3 of MWAA, Airbyte, the CDP control plane, CDE's jobs API and the S3 of
 * CDE's artifacts. Every configured secret (the canaries, the MWAA S3 secret key among them) stays out of every
 * answer.
 */
class UpstreamOutageTest {

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(RealTechnologies.ARTIFACT_BUCKET);

    @TempDir
    Path workingDirectory;

    static Stream<Outage> validationOutages() {
        return UpstreamOutages.all().stream().filter(outage -> outage.check() == Check.VALIDATE);
    }

    static Stream<Outage> stateOutages() {
        return UpstreamOutages.all().stream().filter(outage -> outage.check() == Check.PLAN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validationOutages")
    void aCheckThatCannotReachItsUpstreamIsASystemErrorNamingTheCallNotAnInvalidDescriptor(Outage outage) {
        try (UpstreamOutages.Loopback upstreams = new UpstreamOutages.Loopback(LocalS3.endpoint(S3));
                TestServer server = server(outage, upstreams)) {
            ApiClient client = server.client();
            JsonNode request = Examples.request(outage.exampleRequest());

            List<ApiResponse> answers = List.of(
                    client.post("/v1/validate", request),
                    client.post("/" + outage.technology() + "/v1/validate", request),
                    validateAsync(client, request),
                    client.post("/v1/provision", request));

            for (ApiResponse answer : answers) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(500);
                JsonNode body = answer.json();
                assertThat(body.has("valid")).isFalse();
                assertThat(body.path("error").asText())
                        .as("names the call, its target and the kind")
                        .startsWith("could not check: ")
                        .contains(outage.expected().line())
                        .contains(outage.expected().says());
                assertThat(body.path("userMessage").asText())
                        .contains("could not check")
                        .doesNotContain("The component is invalid")
                        .doesNotContain("Unable to load credentials");
                assertThat(body.has("inputErrorField"))
                        .as("no field of the descriptor is blamed: %s", body)
                        .isFalse();
                assertThat(body.path("moreInfo").path("solutions").path(0).asText())
                        .isNotBlank();
            }
        }
    }

    /**
     * An upstream that only the reading of the upstream state needs (CDE's jobs API) leaves validation valid; the
     * provisioning that meets it fails with a {@code SystemError} naming the call, its target and the kind.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stateOutages")
    void anUpstreamOnlyProvisioningNeedsFailsItWithASystemErrorNamingTheCall(Outage outage) {
        try (UpstreamOutages.Loopback upstreams = new UpstreamOutages.Loopback(LocalS3.endpoint(S3));
                TestServer server = server(outage, upstreams)) {
            ApiClient client = server.client();
            JsonNode request = Examples.request(outage.exampleRequest());

            ApiResponse validated = client.post("/v1/validate", request);
            assertThat(validated.status()).as(validated.body()).isEqualTo(200);
            assertThat(validated.json().path("valid").asBoolean())
                    .as(validated.body())
                    .isTrue();

            ApiResponse provisioned = client.post("/v1/provision", request);
            assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(500);
            JsonNode body = provisioned.json();
            assertThat(body.path("error").asText())
                    .as("names the call, its target and the kind")
                    .contains(outage.expected().call() + " " + outage.expected().target() + " failed ("
                            + failureKind(outage.expected().kind()) + ")");
            assertThat(body.has("inputErrorField"))
                    .as("no field is blamed: %s", body)
                    .isFalse();
        }
    }

    /** How a failed operation's reason names the kind (the words of {@code UpstreamFailure#kind}). */
    private static String failureKind(String outageKind) {
        return switch (outageKind) {
            case "unreachable" -> "unavailable";
            case "unauthorised" -> "unauthorized";
            default -> outageKind;
        };
    }

    private TestServer server(Outage outage, UpstreamOutages.Loopback upstreams) {
        String configuration =
                """
                server:
                  host: 127.0.0.1
                  port: 0
                """
                        + outage.configuration().apply(upstreams);
        return RealTechnologies.serve(configuration, workingDirectory, RealTechnologies.CANARIES);
    }

    private static ApiResponse validateAsync(ApiClient client, JsonNode request) {
        ApiResponse accepted = client.post("/v2/validate", request);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return client.pollUntilFinished("/v2/validate/" + accepted.json().asText() + "/status");
    }
}
