package dev.meshprov.http.testing;

import dev.meshprov.airbyte.FakeAirbyteServer;
import dev.meshprov.cde.FakeCdeServer;
import dev.meshprov.cde.FakeCdpServer;
import dev.meshprov.cde.TestKeys;
import dev.meshprov.core.testing.BlackHole;
import dev.meshprov.core.testing.S3StubServers;
import dev.meshprov.mwaa.LocalS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every way an upstream of a technology can fail a check, on loopback: for each upstream — S3 of MWAA, Airbyte, the
 * CDP control plane, CDE's jobs API (its Knox token endpoint) and the S3 of CDE's artifacts — unreachable and refusing
 * meshprov's credentials (and, where the upstream tells them apart, a missing permission; for S3, no answer in time). The
 * HTTP API's and the CLI's outage tests run the same cases, so that both say the same of each.
 */
public final class UpstreamOutages {

    private static final String ARTIFACT = "s3://finance-artifacts/finance/cashflow/1.0.0/cashflow-job-1.0.0.jar";
    private static final String STAGING = "s3://finance-mwaa-dev/source/finance.cashflow.1.cashflow_daily.py";
    private static final String KNOX = "/gateway/authtkn/knoxtoken/api/v1/token";

    /**
     * What meshprov says of a 403 to a HEAD: S3 sends no body, so refused credentials (InvalidAccessKeyId) and a
     * missing permission (AccessDenied) look the same.
     */
    private static final String HEAD_403 = "S3 gives no reason";

    private UpstreamOutages() {}

    /** Which check first needs the upstream. */
    public enum Check {
        /** Validation's online checks (and so every operation, which validates first). */
        VALIDATE,
        /** The reading of the upstream state by a plan or a provisioning: validation does not call it. */
        PLAN
    }

    /**
     * One case.
     *
     * @param name what goes wrong, for the test's name
     * @param technology the technology whose upstream fails ({@code mwaa}, {@code airbyte}, {@code cde})
     * @param check which check first meets the failure
     * @param configuration meshprov's configuration of the technology, pointed at the case's loopback upstreams
     * @param expected what the answer must name
     */
    public record Outage(
            String name, String technology, Check check, Function<Loopback, String> configuration, Expected expected) {
        @Override
        public String toString() {
            return name;
        }

        /** The example component descriptor of the technology, in {@code examples/}. */
        public String exampleComponent() {
            return technology + "-component.yaml";
        }

        /** The example ProvisioningRequest of the technology, in {@code examples/}. */
        public String exampleRequest() {
            return technology + "-provision-request.json";
        }
    }

    /**
     * What the answer must say.
     *
     * @param call the upstream system and call, e.g. {@code S3 HeadObject}
     * @param target what it was made to
     * @param kind {@code unreachable}, {@code timed out}, {@code unauthorised} or {@code forbidden}
     * @param says a part of the detail, {@code ""} for any
     */
    public record Expected(String call, String target, String kind, String says) {

        public Expected(String call, String target, String kind) {
            this(call, target, kind, "");
        }

        /** {@code <call> <target>: <kind>: }, as the line of a check that could not be made starts. */
        public String line() {
            return call + " " + target + ": " + kind + ": ";
        }
    }

    /** Every case. */
    public static List<Outage> all() {
        return List.of(
                new Outage(
                        "S3 unreachable",
                        "mwaa",
                        Check.VALIDATE,
                        r -> mwaa(r.closedPort()),
                        new Expected("S3 HeadObject", STAGING, "unreachable")),
                new Outage(
                        "S3 does not answer in time",
                        "mwaa",
                        Check.VALIDATE,
                        r -> mwaa(r.blackHole()),
                        new Expected("S3 HeadObject", STAGING, "timed out")),
                new Outage(
                        "S3 refuses the credentials or the permission",
                        "mwaa",
                        Check.VALIDATE,
                        r -> mwaa(r.s3Error("InvalidAccessKeyId")),
                        new Expected("S3 HeadObject", STAGING, "forbidden", HEAD_403)),
                new Outage(
                        "Airbyte unreachable",
                        "airbyte",
                        Check.VALIDATE,
                        r -> RealTechnologies.airbyteSection(
                                "sync", r.closedPort().toString() + FakeAirbyteServer.BASE, "x-secret"),
                        new Expected("Airbyte POST", "/v1/applications/token", "unreachable")),
                new Outage(
                        "Airbyte refuses the client secret",
                        "airbyte",
                        Check.VALIDATE,
                        r -> RealTechnologies.airbyteSection(
                                "sync", r.airbyte().apiUrl(), RealTechnologies.AIRBYTE_CLIENT_SECRET),
                        new Expected("Airbyte POST", "/v1/applications/token", "unauthorised")),
                new Outage(
                        "CDP unreachable",
                        "cde",
                        Check.VALIDATE,
                        r -> RealTechnologies.cdeSection("sync", r.closedPort().toString(), r.s3()),
                        new Expected("CDP POST", "/api/v1/de/listServices", "unreachable")),
                new Outage(
                        "CDP refuses the signature",
                        "cde",
                        Check.VALIDATE,
                        r -> RealTechnologies.cdeSection("sync", r.cdpBreakingSignatures(otherKey()), r.s3()),
                        new Expected("CDP POST", "/api/v1/de/listServices", "unauthorised")),
                new Outage(
                        "CDP denies the access key",
                        "cde",
                        Check.VALIDATE,
                        r -> RealTechnologies.cdeSection("sync", r.cdpKnowingAnotherAccessKey(), r.s3()),
                        new Expected("CDP POST", "/api/v1/de/listServices", "forbidden")),
                new Outage(
                        "CDE's Knox unreachable",
                        "cde",
                        Check.PLAN,
                        r -> RealTechnologies.cdeSection("sync", r.cdpWithKnoxAt(r.closedPort()), r.s3()),
                        new Expected("CDE GET", KNOX, "unreachable")),
                new Outage(
                        "CDE's Knox refuses the workload password",
                        "cde",
                        Check.PLAN,
                        r -> RealTechnologies.cdeSection("sync", r.cdpWithCde("another-password"), r.s3()),
                        new Expected("CDE GET", KNOX, "unauthorised")),
                new Outage(
                        "CDE artifacts' S3 unreachable",
                        "cde",
                        Check.VALIDATE,
                        r -> RealTechnologies.cdeSection("sync", r.healthyCdp(), r.closedPort()),
                        new Expected("S3 HeadObject", ARTIFACT, "unreachable")),
                new Outage(
                        "CDE artifacts' S3 refuses the credentials or the permission",
                        "cde",
                        Check.VALIDATE,
                        r -> RealTechnologies.cdeSection("sync", r.healthyCdp(), r.s3Error("InvalidAccessKeyId")),
                        new Expected("S3 HeadObject", ARTIFACT, "forbidden", HEAD_403)));
    }

    /** The MWAA section: S3 at {@code endpoint} with a static key, one attempt, short time-outs. */
    private static String mwaa(URI endpoint) {
        return """
                mwaa:
                  store: s3
                  mode: sync
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

    /**
     * The loopback upstreams of one case, closed with it; S3Mock (for CDE's artifacts) is the test's own. Closing
     * fails with the judging fakes' contract violations, except where a case breaks the contract on purpose and
     * declares it.
     */
    public static final class Loopback implements AutoCloseable {
        private final URI s3Mock;
        private final List<AutoCloseable> open = new ArrayList<>();

        /** @param s3Mock the S3Mock of the test, with the bucket {@link RealTechnologies#ARTIFACT_BUCKET} */
        public Loopback(URI s3Mock) {
            this.s3Mock = s3Mock;
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
            RealTechnologies.uploadTheExampleJar(s3Mock);
            return s3Mock;
        }

        /** An Airbyte that accepts only another client secret than the configured one. */
        FakeAirbyteServer airbyte() {
            return keep(FakeAirbyteServer.start()
                    .workspace(RealTechnologies.WORKSPACE, "finance")
                    .requireClientCredentials("meshprov", "another-secret-than-configured", 3600));
        }

        /** A CDP knowing meshprov's access key id with another public key: every signature breaks CDP's rules. */
        String cdpBreakingSignatures(PublicKey other) {
            FakeCdpServer cdp = cdp(TestKeys.ACCESS_KEY_ID, other, "unused-password");
            cdp.violations().expectViolations();
            return cdp.url();
        }

        /** A CDP that does not know meshprov's access key id: it answers 403, a break of its signing rules. */
        String cdpKnowingAnotherAccessKey() {
            FakeCdpServer cdp = cdp("another-access-key", TestKeys.ED25519.getPublic(), "unused-password");
            cdp.violations().expectViolations();
            return cdp.url();
        }

        /** A healthy CDP whose service's Knox (and jobs API host) is at {@code knox}. */
        String cdpWithKnoxAt(URI knox) {
            FakeCdeServer cde =
                    keep(FakeCdeServer.create(RealTechnologies.CDE_USER, "unused-password", Clock.systemUTC()));
            FakeCdpServer cdp = keep(FakeCdpServer.create(TestKeys.ACCESS_KEY_ID, TestKeys.ED25519.getPublic()));
            cdp.addService("finance-de", "ClusterCreationCompleted", knox.getAuthority());
            cdp.addVc("finance-de", "finance-vc", "AppInstalled", cde.apiUrl());
            return cdp.url();
        }

        /** A healthy CDP whose CDE accepts the workload user with {@code password}. */
        String cdpWithCde(String password) {
            return cdp(TestKeys.ACCESS_KEY_ID, TestKeys.ED25519.getPublic(), password)
                    .url();
        }

        String healthyCdp() {
            return cdpWithCde(RealTechnologies.CDE_PASSWORD);
        }

        /** A CDP with the example's service and virtual cluster, accepting {@code accessKeyId} signed by the key. */
        private FakeCdpServer cdp(String accessKeyId, PublicKey key, String cdePassword) {
            FakeCdeServer cde = keep(FakeCdeServer.create(RealTechnologies.CDE_USER, cdePassword, Clock.systemUTC()));
            FakeCdpServer cdp = keep(FakeCdpServer.create(accessKeyId, key, "Ed25519"));
            cdp.addService("finance-de", "ClusterCreationCompleted", cde.hostAndPort());
            cdp.addVc("finance-de", "finance-vc", "AppInstalled", cde.apiUrl());
            return cdp;
        }

        private <T extends AutoCloseable> T keep(T resource) {
            open.add(resource);
            return resource;
        }

        /** Closes every upstream; the first failure (a fake's contract violations) is thrown after all are closed. */
        @Override
        public void close() {
            AssertionError failed = null;
            for (AutoCloseable resource : open) {
                try {
                    resource.close();
                } catch (AssertionError e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                } catch (Exception e) {
                    // a loopback stub that does not stop cleanly fails no case; a judge's verdict does
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }
}
