package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliProcess;
import dev.meshprov.cli.testing.CliRun;
import dev.meshprov.core.testing.S3StubServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * meshprov as a process of its own, with the user guide's MWAA S3 configuration: an upstream it cannot reach or
 * authenticate to while checking the component is exit 3 "could not check" with one line naming the call, its target,
 * the kind and the fix — never exit 1 "invalid" on a descriptor field, and never the AWS SDK's credential-chain dump
 * (which only a DEBUG log shows).
 */
class CouldNotCheckProcessTest {

    private static final String COMPONENT = "mwaa-component.yaml";
    private static final String STAGING = "s3://finance-mwaa-dev/source/finance.cashflow.1.cashflow_daily.py";
    private static final String NO_CREDENTIALS = "S3 HeadObject " + STAGING + ": unauthorised: no AWS credentials"
            + " found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or mwaa.s3.accessKeyId";
    private static final String CHAIN_DUMP = "Unable to load credentials";

    @TempDir
    Path directory;

    /** The user guide's MWAA section, its S3 calls sent to {@code endpoint} on loopback. */
    private Cli guideConfiguration(String endpoint, String extra) {
        Cli cli = Cli.in(directory);
        cli.write(
                "meshprov.yaml",
                """
                mwaa:
                  store: s3
                  mode: sync
                  s3:
                    region: eu-west-1
                    endpoint: %s
                    pathStyle: true
                    callTimeout: 10s
                    maxAttempts: 3
                %s  environments:
                    development:
                      bucket: finance-mwaa-dev
                      sourcePath: source/
                      destinationPath: dags/
                      airflowUiUrl: https://abc123.c1.eu-west-1.airflow.amazonaws.com
                    production:
                      bucket: finance-mwaa-prod
                      airflowUiUrl: https://def456.c1.eu-west-1.airflow.amazonaws.com
                  legacyDottedNames:
                    cleanup: true
                """
                        .formatted(endpoint, extra));
        return cli;
    }

    private CliRun run(Map<String, String> environment, String... args) {
        return CliProcess.run(directory, environment, args);
    }

    @Test
    void validateWithoutAwsCredentialsIsCouldNotCheckInOneLine() {
        guideConfiguration(closedPort(), "");

        CliRun run = run(Map.of(), "validate", COMPONENT);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.stdout()).startsWith("could not check:").contains(NO_CREDENTIALS);
        assertThat(run.stdout()).doesNotContain("invalid").doesNotContain("endpoint, network, proxy");
        assertThat(run.stdout() + run.stderr()).doesNotContain(CHAIN_DUMP).doesNotContain("CredentialsProvider");
        assertThat(run.stdout().length()).as(run.stdout()).isLessThan(700);
    }

    @Test
    void planAndProvisionWithoutAwsCredentialsSayItOnceAndChangeNothing() {
        guideConfiguration(closedPort(), "");

        for (String command : new String[] {"plan", "provision"}) {
            CliRun run = run(Map.of(), command, COMPONENT);

            assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
            assertThat(run.stdout().split("no AWS credentials found", -1))
                    .as("said once: %s", run.stdout())
                    .hasSize(2);
            assertThat(run.stdout() + run.stderr()).doesNotContain(CHAIN_DUMP);
        }
    }

    @Test
    void asJsonItIsASystemErrorThatBlamesNoField() {
        guideConfiguration(closedPort(), "");

        CliRun run = run(Map.of(), "validate", COMPONENT, "-o", "json");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        JsonNode body = run.json();
        assertThat(body.path("error").asText()).contains(NO_CREDENTIALS);
        assertThat(body.has("valid")).isFalse();
        assertThat(body.has("inputErrorField")).isFalse();
        assertThat(body.path("input").asText()).isEqualTo("urn:dmb:cmp:finance:cashflow:1:orchestration");
    }

    @Test
    void theCredentialChainIsShownAtDebugOnly() {
        guideConfiguration(closedPort(), "");

        CliRun run = run(Map.of("MESHPROV_LOGGING_LEVEL", "debug"), "validate", COMPONENT);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.stderr()).contains(CHAIN_DUMP);
        assertThat(run.stdout()).doesNotContain(CHAIN_DUMP);
    }

    @Test
    void anUnreachableS3IsCouldNotCheckNamingTheCall() {
        guideConfiguration(closedPort(), "");

        CliRun run = run(
                Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "canary-secret-Gq71Lp"),
                "validate",
                COMPONENT);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.stdout())
                .contains("S3 HeadObject " + STAGING + ": unreachable: could not talk to S3 at http://127.0.0.1:");
        assertThat(run.stdout() + run.stderr()).doesNotContain("canary-secret-Gq71Lp");
    }

    @Test
    void configuredCredentialsThatS3DeniesAreForbidden() {
        try (S3StubServers.ErrorServer s3 = new S3StubServers.ErrorServer(403, "AccessDenied", "Access Denied")) {
            guideConfiguration(
                    s3.endpoint().toString(), "    accessKeyId: AKIDEXAMPLE\n    secretAccessKey: ${S3_SECRET}\n");

            CliRun run = run(Map.of("S3_SECRET", "canary-secret-Vb82Nw"), "validate", COMPONENT);

            assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
            assertThat(run.stdout()).contains("S3 HeadObject " + STAGING + ": forbidden: ");
            assertThat(run.stdout()).contains("fix: Grant meshprov's identity read access to " + STAGING);
            assertThat(run.stdout() + run.stderr()).doesNotContain("canary-secret-Vb82Nw");
        }
    }

    @Test
    void anUnreachableAirbyteIsCouldNotCheckWithTheUrlTried() {
        Cli cli = Cli.in(directory);
        String api = closedPort() + "/api/public";
        cli.write(
                "meshprov.yaml",
                """
                airbyte:
                  enabled: true
                  apiUrl: %s
                  workspaceId: 6f1a1d2e-8d0c-4a53-9d5e-0e6f1d2a3b4c
                  auth: {type: bearer, token: canary-token-Hk29Xs}
                  snowflake: {host: x.snowflakecomputing.com, role: R, warehouse: W, username: U, password: canary-pw-Ty44}
                  timeouts: {connect: 2s, read: 5s}
                  retries: {maxAttempts: 1}
                """
                        .formatted(api));

        CliRun run = run(Map.of(), "validate", "airbyte-component.yaml");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.stdout())
                .startsWith("could not check:")
                .contains("Airbyte GET /v1/workspaces/6f1a1d2e-8d0c-4a53-9d5e-0e6f1d2a3b4c: unreachable: ")
                .contains(api + "/v1/workspaces/6f1a1d2e-8d0c-4a53-9d5e-0e6f1d2a3b4c");
        assertThat(run.stdout()).doesNotContain("invalid");
        assertThat(run.stdout() + run.stderr())
                .doesNotContain("canary-token-Hk29Xs")
                .doesNotContain("canary-pw-Ty44");
    }

    @Test
    void theHelpDocumentsExitCodeThree() {
        CliRun run = run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("3  could not check: an upstream system is unavailable or not authorised");
    }

    /** A loopback URL where nothing listens. */
    private static String closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, S3StubServers.loopback())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
