package dev.meshprov.http.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.descriptor.SafeYaml;
import dev.meshprov.core.model.Problem;
import dev.meshprov.http.bootstrap.Application;
import dev.meshprov.http.bootstrap.Bootstrap;
import dev.meshprov.http.bootstrap.BootstrapOptions;
import dev.meshprov.http.testing.ApiClient;
import dev.meshprov.http.testing.ApiResponse;
import dev.meshprov.http.testing.Requests;
import dev.meshprov.http.testing.TestControls;
import dev.meshprov.http.testing.TestServer;
import dev.meshprov.http.testing.TestTechnologyProvider;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tasks.password} as a canary, driven through the JDBC task store on a PostgreSQL that checks passwords
 * (SCRAM for every user over TCP; only the test's own administrator is trusted): a server working on the database,
 * the password changing under a running server, a wrong password at start-up and a password written into the URL.
 * No canary may appear in any response, log line (meshprov, the pool, the driver) or problem.
 */
class TaskDatabasePasswordCanaryTest {

    private static final String USER = "meshprov_tasks";
    private static final String DATABASE = "meshprov_tasks";
    private static final String PASSWORD = "canary-tasks-password-Zr61Pd";
    private static final String ROTATED = "canary-rotated-tasks-password-Qe07Vs";
    private static final String WRONG = "canary-wrong-tasks-password-Hb38Kx";
    private static final String IN_URL = "canary-url-tasks-password-Mn52Tc";
    private static final List<String> CANARIES =
            List.of(PASSWORD, ROTATED, WRONG, IN_URL, TestServer.CANARIES.get(0), TestServer.CANARIES.get(1));

    private static EmbeddedPostgres postgres;

    private LogCapture logs;
    private final List<String> seen = new ArrayList<>();

    @BeforeAll
    static void startPostgresCheckingPasswords() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(directory -> {
                    try {
                        Files.writeString(
                                directory.toPath().resolve("pg_hba.conf"),
                                """
                                local all all trust
                                host all postgres 127.0.0.1/32 trust
                                host all postgres ::1/128 trust
                                host all all 127.0.0.1/32 scram-sha-256
                                host all all ::1/128 scram-sha-256
                                """);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .start();
        administer("CREATE ROLE " + USER + " LOGIN PASSWORD '" + scramVerifier(PASSWORD) + "'");
        administer("CREATE DATABASE " + DATABASE + " OWNER " + USER);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void noCanaryWasLoggedOrShown() {
        List<String> lines = logs.lines();
        logs.close();
        assertThat(lines).as("the test logged something").isNotEmpty();
        List<String> everything = new ArrayList<>(lines);
        everything.addAll(seen);
        for (String text : everything) {
            for (String canary : CANARIES) {
                assertThat(text)
                        .as("a log line, problem or exception reveals a password")
                        .doesNotContain(canary);
            }
        }
    }

    @Test
    void aServerWorkingOnTheDatabaseAndLosingItNeverShowsThePassword() throws SQLException {
        TestServer server = TestServer.start(config(url(), PASSWORD), TestTechnologyProvider::standard, CANARIES);
        try {
            ApiClient client = server.client();
            ApiResponse accepted =
                    client.post("/v1/provision", Requests.provisioning("beta", "stored", Map.of("name", "stored")));
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(client.pollUntilFinished("/v1/provision/" + accepted.body() + "/status")
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("COMPLETED");
            assertThat(client.post("/v1/provision", Requests.provisioning("alpha", "sync", Map.of("name", "s")))
                            .status())
                    .isEqualTo(200);
            assertThat(client.get("/health/ready").status()).isEqualTo(200);
            seen.add(server.application().settings().toString());

            // the password changes under the running server, whose connections are cut: it cannot get new ones
            administer("ALTER ROLE " + USER + " PASSWORD '" + scramVerifier(ROTATED) + "'");
            administer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + USER + "'");
            ApiResponse refused =
                    client.post("/v1/provision", Requests.provisioning("beta", "lost", Map.of("name", "lost")));

            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.json().path("error").asText())
                    .startsWith("meshprov could not record the task (the task database jdbc:postgresql://");
            // the pool keeps trying to connect (the heartbeat asks it every 200ms) and logs why it cannot
            awaitLogLine("password authentication failed for user \"" + USER + "\"");
        } finally {
            administer("ALTER ROLE " + USER + " PASSWORD '" + scramVerifier(PASSWORD) + "'");
            closeRecordingFailures(server);
        }
    }

    @Test
    void aWrongPasswordStopsTheStartWithAProblemThatDoesNotShowIt() {
        Validation<Seq<Problem>, Application> created = create(config(url(), WRONG));

        assertThat(created.getError()).singleElement().satisfies(problem -> {
            seen.add(problem.toString());
            assertThat(problem.field()).isEqualTo("tasks.jdbcUrl");
            assertThat(problem.message())
                    .startsWith("cannot connect to the task database jdbc:postgresql://")
                    .contains("password authentication failed for user \"" + USER + "\"");
        });
    }

    @Test
    void aPasswordWrittenIntoTheUrlIsNeitherShownNorLogged() {
        String url = url() + "?user=" + USER + "&password=" + IN_URL;

        Validation<Seq<Problem>, Application> created = create(config(url, null));

        assertThat(created.getError()).singleElement().satisfies(problem -> {
            seen.add(problem.toString());
            assertThat(problem.field()).isEqualTo("tasks.jdbcUrl");
            assertThat(problem.message()).contains("password authentication failed");
        });
    }

    private static String url() {
        return postgres.getJdbcUrl("postgres", DATABASE).replaceFirst("\\?.*$", "");
    }

    /** A server keeping its tasks in the database as {@link #USER}, with {@code password} unless null. */
    private static String config(String url, String password) {
        return """
                server: {host: 127.0.0.1, port: 0}
                tasks:
                  store: jdbc
                  jdbcUrl: "%s"
                  username: %s
                %s  workers: 2
                  heartbeat: 200ms
                  lease: 2s
                  shutdownGrace: 1s
                routing:
                  alpha: {infrastructureTemplateIds: [urn:dmb:itm:alpha-provisioner]}
                  beta: {infrastructureTemplateIds: [urn:dmb:itm:beta-provisioner]}
                alpha: {password: %s}
                beta: {password: %s}
                """
                .formatted(
                        url,
                        USER,
                        password == null ? "" : "  password: " + password + "\n",
                        TestServer.CANARIES.get(0),
                        TestServer.CANARIES.get(1));
    }

    private static Validation<Seq<Problem>, Application> create(String config) {
        return Bootstrap.create(
                SafeYaml.withDefaults().parse(config, "test configuration").get(),
                BootstrapOptions.defaults().withProviders(TestTechnologyProvider.standard(new TestControls())));
    }

    /** Waits (bounded) until a captured log line contains {@code text}. */
    private void awaitLogLine(String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestControls.WAIT_SECONDS);
        while (logs.lines().stream().noneMatch(line -> line.contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line says: " + text);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Stops the server; what it throws, its message included, is checked for canaries like a log line. */
    private void closeRecordingFailures(TestServer server) {
        try {
            server.close();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                seen.add(cause.toString());
            }
        }
    }

    /**
     * The SCRAM-SHA-256 verifier PostgreSQL stores for {@code password} (RFC 7677; PostgreSQL takes a verifier in
     * place of a password), so that the test's own statements, which the driver logs, never hold a canary.
     */
    private static String scramVerifier(String password) {
        try {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            int iterations = 4096;
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
            Base64.Encoder base64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + base64.encodeToString(salt) + "$"
                    + base64.encodeToString(storedKey) + ":" + base64.encodeToString(hmac(salted, "Server Key"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void administer(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
