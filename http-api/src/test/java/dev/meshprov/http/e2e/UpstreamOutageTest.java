package dev.meshprov.http.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.airbyte.AirbyteTechnologyProvider;
import dev.meshprov.airbyte.FakeAirbyteServer;
import dev.meshprov.cde.CdeTechnologyProvider;
import dev.meshprov.cde.FakeCdeServer;
import dev.meshprov.cde.FakeCdpServer;
import dev.meshprov.cde.TestKeys;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.testing.BlackHole;
import dev.meshprov.core.testing.S3StubServers;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.mwaa.LocalS3;
import dev.meshprov.mwaa.MwaaTechnologyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An upstream that cannot be reached, does not answer in time or refuses meshprov's credentials while a descriptor
 * is checked is never "the descriptor is invalid": {@code /v1/validate}, the {@code /v2/validate} status,
 * {@code /v1/provision} and the per-technology prefixes answer the contract's {@code SystemError} (500) naming the
 * upstream call, its target and the kind of failure, and blaming no field of the descriptor. For each upstream of
 * each technology: S3 of MWAA, Airbyte, the CDP control plane and the S3 of CDE's artifacts. Every configured secret
 * (the canaries, the MWAA S3 secret key among them) stays out of every answer.
 */
class UpstreamOutageTest {

    private static final String ARTIFACT = "s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar";
    private static final String STAGING = "s3://finance-mwaa-dev/source/finance.cashflow.1.cashflow_daily.py";

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(RealTechnologies.ARTIFACT_BUCKET);

    @TempDir
    Path workingDirectory;

    /** What goes wrong, with the upstream it happens to and what the answer must name. */
    record Outage(String name, String technology, Function<Resources, String> configuration, Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * What the answer must say.
     *
     * @param call the upstream system and call, e.g. {@code S3 HeadObject}
     * @param target what it was made to
     * @param kind unreachable, timed out, unauthorised or forbidden
     * @param example the example request
     */
    record Expected(String call, String target, String kind, String example) {}

    static Stream<Arguments> outages() {
        return Stream.of(
                        new Outage(
                                "S3 unreachable",
                                "mwaa",
                                r -> mwaa(r.closedPort()),
                                new Expected("S3 HeadObject", STAGING, "unreachable", "mwaa")),
                        new Outage(
                                "S3 does not answer in time",
                                "mwaa",
                                r -> mwaa(r.blackHole()),
                                new Expected("S3 HeadObject", STAGING, "timed out", "mwaa")),
                        new Outage(
                                "S3 denies access",
                                "mwaa",
                                r -> mwaa(r.s3Error("AccessDenied")),
                                new Expected("S3 HeadObject", STAGING, "forbidden", "mwaa")),
                        new Outage(
                                "Airbyte unreachable",
                                "airbyte",
                                r -> RealTechnologies.airbyteSection(
                                        "sync", r.closedPort().toString() + FakeAirbyteServer.BASE, "x-secret"),
                                new Expected("Airbyte POST", "/v1/applications/token", "unreachable", "airbyte")),
                        new Outage(
                                "Airbyte refuses the client secret",
                                "airbyte",
                                r -> RealTechnologies.airbyteSection(
                                        "sync", r.airbyte().apiUrl(), RealTechnologies.AIRBYTE_CLIENT_SECRET),
                                new Expected("Airbyte POST", "/v1/applications/token", "unauthorised", "airbyte")),
                        new Outage(
                                "CDP unreachable",
                                "cde",
                                r -> RealTechnologies.cdeSection(
                                        "sync", r.closedPort().toString(), r.s3()),
                                new Expected("CDP POST", "/api/v1/de/listServices", "unreachable", "cde")),
                        new Outage(
                                "CDP refuses the signature",
                                "cde",
                                r -> RealTechnologies.cdeSection(
                                        "sync",
                                        r.cdp(TestKeys.ACCESS_KEY_ID, otherKey())
                                                .url(),
                                        r.s3()),
                                new Expected("CDP POST", "/api/v1/de/listServices", "unauthorised", "cde")),
                        new Outage(
                                "CDP denies the access key",
                                "cde",
                                r -> RealTechnologies.cdeSection(
                                        "sync",
                                        r.cdp("another-access-key", TestKeys.ED25519.getPublic())
                                                .url(),
                                        r.s3()),
                                new Expected("CDP POST", "/api/v1/de/listServices", "forbidden", "cde")),
                        new Outage(
                                "CDE artifacts' S3 unreachable",
                                "cde",
                                r -> RealTechnologies.cdeSection("sync", r.healthyCdp(), r.closedPort()),
                                new Expected("S3 HeadObject", ARTIFACT, "unreachable", "cde")),
                        new Outage(
                                "CDE artifacts' S3 denies access",
                                "cde",
                                r -> RealTechnologies.cdeSection("sync", r.healthyCdp(), r.s3Error("AccessDenied")),
                                new Expected("S3 HeadObject", ARTIFACT, "forbidden", "cde")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void aCheckThatCannotReachItsUpstreamIsASystemErrorNamingTheCallNotAnInvalidDescriptor(Outage outage) {
        try (Resources resources = new Resources(workingDirectory);
                TestServer server = resources.server(outage)) {
            ApiClient client = server.client();
            JsonNode request = Examples.request(outage.expected().example() + "-provision-request.json");

            List<ApiResponse> answers = List.of(
                    client.post("/v1/validate", request),
                    client.post("/" + outage.technology() + "/v1/validate", request),
                    validateAsync(client, request),
                    client.post("/v1/provision", request));

            for (ApiResponse answer : answers) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(500);
                JsonNode body = answer.json();
                assertThat(body.has("valid")).isFalse();
                String error = body.path("error").asText();
                assertThat(error)
                        .as("names the call, its target and the kind")
                        .contains(outage.expected().call())
                        .contains(outage.expected().target())
                        .contains(": " + outage.expected().kind() + ": ");
                assertThat(body.path("userMessage").asText())
                        .contains("could not check")
                        .doesNotContain("is invalid")
                        .doesNotContain("Unable to load credentials");
                assertThat(body.has("inputErrorField"))
                        .as("no field of the descriptor is blamed: %s", body)
                        .isFalse();
                assertThat(body.path("moreInfo").path("solutions").path(0).asText())
                        .isNotBlank();
            }
        }
    }

    private static ApiResponse validateAsync(ApiClient client, JsonNode request) {
        ApiResponse accepted = client.post("/v2/validate", request);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return client.pollUntilFinished("/v2/validate/" + accepted.json().asText() + "/status");
    }

    private static String mwaa(URI endpoint) {
        return """
                mwaa:
                  store: s3
                  s3:
                    region: %s
                    endpoint: %s
                    pathStyle: true
                    connectTimeout: 500ms
                    callTimeout: 5s
                    maxAttempts: 1
                    accessKeyId: test-access-key
                    secretAccessKey: %s
                  allowedBuckets: [finance-mwaa-dev]
                """
                .formatted(LocalS3.REGION, endpoint, RealTechnologies.AWS_SECRET);
    }

    private static PublicKey otherKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The loopback upstreams of one case, closed with it. */
    static final class Resources implements AutoCloseable {
        private final Path workingDirectory;
        private final List<AutoCloseable> open = new ArrayList<>();

        Resources(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
        }

        TestServer server(Outage outage) {
            String configuration =
                    """
                    server:
                      host: 127.0.0.1
                      port: 0
                    """
                            + outage.configuration().apply(this);
            List<TechnologyProvider> providers =
                    List.of(new MwaaTechnologyProvider(), new AirbyteTechnologyProvider(), new CdeTechnologyProvider());
            return TestServer.start(
                    configuration,
                    BootstrapOptions.defaults()
                            .withWorkingDirectory(workingDirectory)
                            .withProviders(providers),
                    RealTechnologies.CANARIES);
        }

        /** A loopback port where nothing listens: connections are refused. */
        URI closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, S3StubServers.loopback())) {
                return URI.create("http://127.0.0.1:" + socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        URI blackHole() {
            return keep(new BlackHole()).endpoint();
        }

        /** An S3 answering every request with 403 and this error code. */
        URI s3Error(String code) {
            return keep(new S3StubServers.ErrorServer(403, code, "refused by the test"))
                    .endpoint();
        }

        /** S3Mock with the CDE example's jar. */
        URI s3() {
            URI endpoint = LocalS3.endpoint(S3);
            RealTechnologies.uploadTheExampleJar(endpoint);
            return endpoint;
        }

        /** An Airbyte that accepts only another client secret than the configured one. */
        FakeAirbyteServer airbyte() {
            return keep(FakeAirbyteServer.start()
                    .workspace(RealTechnologies.WORKSPACE, "finance")
                    .requireClientCredentials("meshprov", "another-secret-than-configured", 3600));
        }

        /** A CDP with the example's service and virtual cluster, accepting {@code accessKeyId} signed by the key. */
        FakeCdpServer cdp(String accessKeyId, PublicKey key) {
            FakeCdeServer cde =
                    keep(FakeCdeServer.create(RealTechnologies.CDE_USER, "unused-password", Clock.systemUTC()));
            FakeCdpServer cdp = keep(FakeCdpServer.create(accessKeyId, key, "Ed25519"));
            cdp.addService("finance-de", "ClusterCreationCompleted", cde.hostAndPort());
            cdp.addVc("finance-de", "finance-vc", "AppInstalled", cde.apiUrl());
            return cdp;
        }

        String healthyCdp() {
            return cdp(TestKeys.ACCESS_KEY_ID, TestKeys.ED25519.getPublic()).url();
        }

        private <T extends AutoCloseable> T keep(T resource) {
            open.add(resource);
            return resource;
        }

        @Override
        public void close() {
            for (AutoCloseable resource : open) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // a loopback server that does not stop cleanly fails no case
                }
            }
        }
    }
}
