package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import dev.meshprov.http.testing.RealTechnologies;
import dev.meshprov.http.testing.UpstreamOutages;
import dev.meshprov.http.testing.UpstreamOutages.Check;
import dev.meshprov.http.testing.UpstreamOutages.Outage;
import dev.meshprov.mwaa.LocalS3;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI on every upstream outage of {@link UpstreamOutages} (S3 of MWAA, Airbyte, the CDP control plane, CDE's
 * jobs API, the S3 of CDE's artifacts; unreachable and refusing the credentials): exit 3 "could not check" with the
 * line naming the call, its target and the kind — from {@code validate} when its online checks need the upstream,
 * from {@code plan} when only the reading of the upstream state does (validation then passes) — and never a
 * configured secret in what it prints.
 */
class UpstreamOutageCliTest {

    @RegisterExtension
    static final S3MockExtension S3 = LocalS3.extension(RealTechnologies.ARTIFACT_BUCKET);

    static Stream<Outage> outages() {
        return UpstreamOutages.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void anOutageIsExitThreeNamingTheCallNeverInvalid(Outage outage, @TempDir Path directory) {
        try (UpstreamOutages.Loopback upstreams = new UpstreamOutages.Loopback(LocalS3.endpoint(S3))) {
            Cli cli = Cli.in(directory);
            cli.write("meshprov.yaml", outage.configuration().apply(upstreams));

            if (outage.check() == Check.PLAN) {
                CliRun validated = cli.run("validate", outage.exampleComponent());
                assertThat(validated.exitCode())
                        .as("validation does not need it: %s", validated.describe())
                        .isZero();
            }
            String command = outage.check() == Check.VALIDATE ? "validate" : "plan";
            CliRun run = cli.run(command, outage.exampleComponent());

            assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
            assertThat(run.stdout())
                    .startsWith("could not check: ")
                    .contains("  " + outage.expected().line())
                    .contains(outage.expected().says())
                    .contains("    fix: ")
                    .doesNotContain("invalid:");
            for (String secret : RealTechnologies.CANARIES) {
                assertThat(run.stdout() + run.stderr()).doesNotContain(secret);
            }

            CliRun json = cli.run(command, outage.exampleComponent(), "-o", "json");

            assertThat(json.exitCode()).as(json.describe()).isEqualTo(3);
            assertThat(json.json().path("error").asText())
                    .contains(outage.expected().line());
            assertThat(json.json().has("inputErrorField")).isFalse();
        }
    }
}
